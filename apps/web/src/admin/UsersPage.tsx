import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { useBranches } from '../programs/queries';
import { Field, SelectField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { InviteUser } from './InviteUser';
import { Pager, useCursorPages, useSponsors } from './shared';
import { TableWrap } from '../ui/TableWrap';
import { UserEditor } from './UserEditor';
import { ProblemMessage } from '../ui/ProblemMessage';

const ROLES: readonly Schemas['UserDto']['role'][] = ['admin', 'coordinator', 'mentor', 'sponsor', 'participant'];

export default function UsersPage() {
  return (
    <RequireSignIn roles={['admin']}>
      <Users />
    </RequireSignIn>
  );
}

function Users() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = (params.get('role') ?? '') as Schemas['UserDto']['role'] | '';
  const pages = useCursorPages(`${q}|${role}`);
  const [editing, setEditing] = useState<Schemas['UserDto']>();
  const users = useQuery({
    queryKey: ['users', { q, role, cursor: pages.cursor }],
    queryFn: async () =>
      unwrap(await api.GET('/v1/users', { params: { query: { q: q.trim() || undefined, role: role || undefined, cursor: pages.cursor, limit: 25 } } })),
    placeholderData: (previous) => previous,
  });
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return (
    <section>
      <h1>{t('admin.users.title')}</h1>
      <InviteUser />
      <h2>{t('admin.users.list')}</h2>
      <form className="toolbar" role="search" aria-label={t('admin.users.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field label={t('admin.users.search')} type="search" value={q} onChange={(event) => set('q', event.target.value)} />
        <SelectField label={t('admin.users.roleFilter')} value={role} onChange={(event) => set('role', event.target.value)}>
          <option value="">{t('admin.users.anyRole')}</option>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`admin.roles.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>
      {users.isPending && <Loading />}
      <ProblemMessage words="admin" problem={problemOf(users.error)} />
      {editing && <UserEditor key={editing.id} user={editing} onDone={() => setEditing(undefined)} />}
      {users.data && <UsersTable users={users.data.items} onEdit={setEditing} />}
      <Pager pages={pages} nextCursor={users.data?.nextCursor} />
    </section>
  );
}

function UsersTable({ users, onEdit }: { users: Schemas['UserDto'][]; onEdit: (user: Schemas['UserDto']) => void }) {
  const { t } = useTranslation();
  const branches = useBranches();
  const sponsors = useSponsors();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const toggle = useMutation({
    mutationFn: async (user: Schemas['UserDto']) =>
      unwrap(await api.PATCH('/v1/users/{id}', { params: { path: { id: user.id } }, body: { disabled: !user.disabled } })),
    onSuccess: async () => {
      setProblem(undefined);
      await client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => setProblem(problemOf(error)),
  });
  const branchName = (id: string) => branches.data?.find((b) => b.id === id)?.name ?? id;
  const sponsorName = (id: string) => sponsors.data?.find((s) => s.id === id)?.name ?? id;
  if (!users.length) return <p role="status">{t('admin.users.none')}</p>;
  return (
    <>
      <ProblemMessage words="admin" problem={problem} />
      <TableWrap label={t('admin.users.caption')}>
        <table className="table admin-table">
          <caption>{t('admin.users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.access')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.displayName}</th>
                <td>{user.email}</td>
                <td>{t(`admin.roles.${user.role}`)}</td>
                <td>{user.role === 'sponsor' && user.sponsorId ? sponsorName(user.sponsorId) : user.branchIds.map(branchName).join(', ')}</td>
                <td>
                  <span className={`badge ${user.disabled ? 'badge--full' : 'badge--ok'}`}>{t(user.disabled ? 'admin.users.disabled' : 'admin.users.active')}</span>
                </td>
                <td>
                  <div className="actions">
                    <button type="button" className="button button--secondary" onClick={() => onEdit(user)}>
                      {t('admin.users.edit.button', { name: user.displayName })}
                    </button>
                    <button
                      type="button"
                      className={`button ${user.disabled ? 'button--secondary' : 'button--danger'}`}
                      disabled={toggle.isPending}
                      onClick={() => toggle.mutate(user)}
                    >
                      {t(user.disabled ? 'admin.users.enable' : 'admin.users.disable', { name: user.displayName })}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
