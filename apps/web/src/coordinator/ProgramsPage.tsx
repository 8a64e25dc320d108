import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { useMe } from '../people/session';
import { useBranches } from '../programs/queries';
import { SelectField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';
import { formatDate } from '../ui/time';
import './coordinator.css';

const STATUSES = ['draft', 'published', 'archived'] as const;
type Status = Schemas['ProgramDto']['status'];

export default function ProgramsPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <Programs />
    </RequireSignIn>
  );
}

/** The programs of the branches I run, filtered by branch and status, with the way to a new one. */
function Programs() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const branches = useBranches();
  const [search, setSearch] = useSearchParams();
  const branchId = search.get('branch') ?? '';
  const status = (search.get('status') ?? '') as Status | '';
  const mine = (branches.data ?? []).filter((b) => me.data?.role === 'admin' || me.data?.branchIds.includes(b.id));
  const programs = useQuery({
    queryKey: ['programs', 'console', branchId, status],
    enabled: branches.isSuccess,
    queryFn: async () =>
      unwrap(await api.GET('/v1/programs', { params: { query: { limit: 200, ...(branchId ? { branchId } : {}), ...(status ? { status } : {}) } } })).items,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const shown = (programs.data ?? []).filter((p) => mine.some((b) => b.id === p.branchId));
  const branchName = (id: string) => mine.find((b) => b.id === id)?.name ?? '';
  return (
    <section>
      <h1>{t('coordinator.programs.title')}</h1>
      <div className="toolbar">
        <SelectField label={t('coordinator.programs.branch')} value={branchId} onChange={(e) => set('branch', e.target.value)}>
          <option value="">{t('coordinator.programs.allBranches')}</option>
          {mine.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('coordinator.programs.status')} value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t('coordinator.programs.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`coordinator.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <Link className="button" to="/coordinator/programs/new">
          {t('coordinator.programs.new')}
        </Link>
      </div>
      {programs.isPending ? (
        <Loading />
      ) : programs.isError ? (
        <ProblemMessage problem={problemOf(programs.error)} />
      ) : shown.length === 0 ? (
        <p>{t('coordinator.programs.none')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('coordinator.programs.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('coordinator.programs.program')}</th>
                <th scope="col">{t('coordinator.programs.branch')}</th>
                <th scope="col">{t('coordinator.programs.status')}</th>
                <th scope="col">{t('coordinator.programs.dates')}</th>
                <th scope="col" className="num">
                  {t('coordinator.programs.enrolled')}
                </th>
                <th scope="col" className="num">
                  {t('coordinator.programs.waitlisted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/coordinator/programs/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{branchName(p.branchId)}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>
                    {formatDate(p.startsOn, i18n.language)} – {formatDate(p.endsOn, i18n.language)}
                  </td>
                  <td className="num">
                    {p.enrolledCount} / {p.capacity}
                  </td>
                  <td className="num">{p.waitlistedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  const tone = status === 'published' ? 'badge--ok' : status === 'draft' ? 'badge--warn' : 'badge--full';
  return <span className={`badge ${tone}`}>{t(`coordinator.status.${status}`)}</span>;
}
