import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { Field } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { BranchForm } from './BranchForm';
import { Pager, useCursorPages } from './shared';
import { TableWrap } from '../ui/TableWrap';
import { ProblemMessage } from '../ui/ProblemMessage';

export default function BranchesPage() {
  return (
    <RequireSignIn roles={['admin']}>
      <Branches />
    </RequireSignIn>
  );
}

function Branches() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const pages = useCursorPages(q);
  const branches = useQuery({
    queryKey: ['branches', 'admin', { q, cursor: pages.cursor }],
    queryFn: async () => unwrap(await api.GET('/v1/branches', { params: { query: { q: q.trim() || undefined, cursor: pages.cursor, limit: 25 } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <section>
      <h1>{t('admin.branches.title')}</h1>
      <form className="toolbar" role="search" aria-label={t('admin.branches.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field label={t('admin.branches.search')} type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      </form>
      {branches.isPending && <Loading />}
      <ProblemMessage words="admin" problem={problemOf(branches.error)} />
      {branches.data && (
        <TableWrap label={t('admin.branches.caption')}>
          <table className="table admin-table">
            <caption>{t('admin.branches.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.branches.name')}</th>
                <th scope="col">{t('admin.branches.address')}</th>
                <th scope="col">{t('admin.branches.timezone')}</th>
              </tr>
            </thead>
            <tbody>
              {branches.data.items.map((branch) => (
                <tr key={branch.id}>
                  <th scope="row">
                    <Link to={`/admin/branches/${branch.id}`}>{branch.name}</Link>
                  </th>
                  <td>{branch.address ?? '—'}</td>
                  <td>{branch.timezone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager pages={pages} nextCursor={branches.data?.nextCursor} />
      <section className="card" aria-labelledby="new-branch-title">
        <h2 id="new-branch-title">{t('admin.branches.new')}</h2>
        <BranchForm onSaved={() => client.invalidateQueries({ queryKey: ['branches'] })} />
      </section>
    </section>
  );
}
