import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { useBranch } from '../programs/queries';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';
import { formatDate, formatDateTime, formatTimeRange } from '../ui/time';
import { StatusBadge } from './ProgramsPage';
import { useProgram, useProgramSessions, useRooms } from './queries';
import { Certificates } from './Certificates';
import { SeriesForm } from './SeriesForm';
import { ProgramFeedback } from '../feedback/FeedbackSummary';
import './coordinator.css';

export default function ProgramConsolePage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <ProgramConsole />
    </RequireSignIn>
  );
}

/** One program for its coordinator: its fields, publish or archive, its sessions, and a new series. */
function ProgramConsole() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const program = useProgram(id);
  const branch = useBranch(program.data?.branchId);
  if (program.isPending) return <Loading />;
  if (program.isError) return <ProblemMessage problem={problemOf(program.error)} />;
  const p = program.data;
  const zone = branch?.timezone ?? 'UTC';
  return (
    <article>
      <p>
        <Link to="/coordinator/programs">{t('coordinator.programs.back')}</Link>
      </p>
      <div className="section-head">
        <h1>{p.title}</h1>
        <StatusBadge status={p.status} />
      </div>
      <p className="meta">
        {branch?.name} · {t(`levels.${p.level}`)} · {t('programs.ages', { min: p.minAge, max: p.maxAge })} ·{' '}
        {t('programs.dates', { from: formatDate(p.startsOn, i18n.language), to: formatDate(p.endsOn, i18n.language) })}
      </p>
      <ul className="stats">
        <li>
          <span className="stat__value">
            {p.enrolledCount} / {p.capacity}
          </span>
          {t('coordinator.program.enrolled')}
        </li>
        <li>
          <span className="stat__value">{p.waitlistedCount}</span>
          {t('coordinator.program.waitlisted')}
        </li>
        <li>
          <span className="stat__value">{Math.round(p.completionThreshold * 100)} %</span>
          {t('coordinator.program.completion')}
        </li>
      </ul>
      {p.enrollmentOpensAt && <p>{t('coordinator.program.opens', { at: formatDateTime(p.enrollmentOpensAt, zone, i18n.language) })}</p>}
      {p.enrollmentClosesAt && <p>{t('coordinator.program.closes', { at: formatDateTime(p.enrollmentClosesAt, zone, i18n.language) })}</p>}
      <Lifecycle program={p} />
      <Sessions program={p} timeZone={zone} />
      {p.status !== 'draft' && <ProgramFeedback programId={p.id} timeZone={zone} />}
      {p.status !== 'draft' && branch && <Certificates program={p} timeZone={zone} />}
      {p.status !== 'archived' && branch && <SeriesForm program={p} timeZone={zone} />}
    </article>
  );
}

function Lifecycle({ program }: { program: Schemas['ProgramDto'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const step = useMutation({
    mutationFn: async (to: 'publish' | 'archive') =>
      unwrap(to === 'publish' ? await api.POST('/v1/programs/{id}/publish', { params: { path: { id: program.id } } }) : await api.POST('/v1/programs/{id}/archive', { params: { path: { id: program.id } } })),
    onSuccess: (saved) => {
      client.setQueryData(['program', program.id], saved);
      void client.invalidateQueries({ queryKey: ['programs'] });
    },
  });
  return (
    <div>
      <div className="actions">
        <Link className="button button--secondary" to={`/coordinator/programs/${program.id}/roster`}>
          {t('coordinator.program.roster')}
        </Link>
        <Link className="button button--secondary" to={`/coordinator/programs/${program.id}/attendance`}>
          {t('coordinator.program.attendance')}
        </Link>
        {program.status !== 'archived' && (
          <Link className="button button--secondary" to={`/coordinator/programs/${program.id}/edit`}>
            {t('coordinator.program.edit')}
          </Link>
        )}
        {program.status === 'draft' && (
          <button type="button" className="button" disabled={step.isPending} onClick={() => step.mutate('publish')}>
            {t('coordinator.program.publish')}
          </button>
        )}
        {program.status !== 'archived' && (
          <button type="button" className="button button--danger" disabled={step.isPending} onClick={() => step.mutate('archive')}>
            {t('coordinator.program.archive')}
          </button>
        )}
      </div>
      {step.isSuccess && (
        <p role="status" className="alert alert--ok">
          {t(`coordinator.program.now.${step.data.status}`)}
        </p>
      )}
      <ProblemMessage words="coordinator" problem={problemOf(step.error)} />
    </div>
  );
}

function Sessions({ program, timeZone }: { program: Schemas['ProgramDto']; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const sessions = useProgramSessions(program.id);
  const rooms = useRooms(program.branchId);
  const roomName = (id: string | null) => rooms.data?.find((r) => r.id === id)?.name ?? t('coordinator.session.noRoom');
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('coordinator.program.sessions')}</h2>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ProblemMessage problem={problemOf(sessions.error)} />
      ) : sessions.data.length === 0 ? (
        <p>{t('coordinator.program.noSessions')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="sessions-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('coordinator.program.when', { zone: timeZone })}</th>
                <th scope="col">{t('coordinator.program.room')}</th>
                <th scope="col">{t('coordinator.program.status')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id} className={s.status === 'cancelled' ? 'cancelled' : undefined}>
                  <td>
                    <Link to={`/coordinator/sessions/${s.id}`}>{formatTimeRange(s.startsAt, s.endsAt, timeZone, i18n.language)}</Link>
                  </td>
                  <td>{roomName(s.roomId)}</td>
                  <td>{t(`coordinator.session.status.${s.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
