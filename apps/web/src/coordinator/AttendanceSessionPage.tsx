import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSessionContext } from '../mentor/MentorSessionPage';
import { RollCall } from '../mentor/RollCall';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { formatTimeRange } from '../ui/time';
import { ProblemMessage } from '../ui/ProblemMessage';

export default function AttendanceSessionPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <SessionRollCall />
    </RequireSignIn>
  );
}

/** A session's roll call for the staff: the mentor's own component. */
function SessionRollCall() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { session, program, timezone } = useSessionContext(id);
  if (session.isPending || (session.data && program.isPending)) return <Loading />;
  if (!session.data || !program.data) return <ProblemMessage words="mentor" problem={problemOf(session.error ?? program.error)} />;
  return (
    <section className="narrow">
      <p>
        <Link to={`/coordinator/sessions/${id}`}>{t('coordinator.attendance.backToSession')}</Link> ·{' '}
        <Link to={`/coordinator/programs/${program.data.id}/attendance`}>{t('coordinator.attendance.sheetLink')}</Link>
      </p>
      <h1>{t('coordinator.attendance.sessionTitle', { program: program.data.title })}</h1>
      {timezone && (
        <p className="lead">
          {formatTimeRange(session.data.startsAt, session.data.endsAt, timezone, i18n.language)} ({timezone})
        </p>
      )}
      {session.data.status === 'cancelled' ? (
        <p className="alert alert--warn">{t('mentor.session.cancelled', { reason: session.data.cancelReason ?? '' })}</p>
      ) : (
        <>
          <p>
            <Link to={`/coordinator/sessions/${id}/check-in-code`}>{t('coordinator.attendance.showCode')}</Link>
          </p>
          <RollCall sessionId={id} />
        </>
      )}
    </section>
  );
}
