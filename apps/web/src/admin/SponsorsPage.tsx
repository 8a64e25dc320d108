import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { Field } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { Pager, useCursorPages } from './shared';
import { TableWrap } from '../ui/TableWrap';
import { SponsorForm } from './SponsorForm';
import { ProblemMessage } from '../ui/ProblemMessage';

export default function SponsorsPage() {
  return (
    <RequireSignIn roles={['admin']}>
      <Sponsors />
    </RequireSignIn>
  );
}

function Sponsors() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const pages = useCursorPages(q);
  const sponsors = useQuery({
    queryKey: ['sponsors', 'page', { q, cursor: pages.cursor }],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors', { params: { query: { q: q.trim() || undefined, cursor: pages.cursor, limit: 25 } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <section>
      <h1>{t('admin.sponsors.title')}</h1>
      <form className="toolbar" role="search" aria-label={t('admin.sponsors.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field label={t('admin.sponsors.search')} type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      </form>
      {sponsors.isPending && <Loading />}
      <ProblemMessage words="admin" problem={problemOf(sponsors.error)} />
      {sponsors.data && (
        <TableWrap label={t('admin.sponsors.caption')}>
          <table className="table admin-table">
            <caption>{t('admin.sponsors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.sponsors.name')}</th>
                <th scope="col">{t('admin.sponsors.contact')}</th>
                <th scope="col">{t('admin.sponsors.integrations')}</th>
              </tr>
            </thead>
            <tbody>
              {sponsors.data.items.map((sponsor) => (
                <tr key={sponsor.id}>
                  <th scope="row">
                    <Link to={`/admin/sponsors/${sponsor.id}`}>{sponsor.name}</Link>
                  </th>
                  <td>{[sponsor.contactName, sponsor.contactEmail].filter(Boolean).join(', ') || '—'}</td>
                  <td>
                    <Link to={`/sponsors/${sponsor.id}/integrations`}>{t('admin.sponsors.integrationsOf', { name: sponsor.name })}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager pages={pages} nextCursor={sponsors.data?.nextCursor} />
      <section className="card" aria-labelledby="new-sponsor-title">
        <h2 id="new-sponsor-title">{t('admin.sponsors.new')}</h2>
        <SponsorForm
          onSaved={async (sponsor) => {
            await client.invalidateQueries({ queryKey: ['sponsors'] });
            navigate(`/admin/sponsors/${sponsor.id}`);
          }}
        />
      </section>
    </section>
  );
}
