import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useBranch } from '../programs/queries';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { formatTimeRange } from '../ui/time';
import { RollCall } from './RollCall';
import { ProblemMessage } from '../ui/ProblemMessage';
import { SessionFeedback } from '../feedback/FeedbackSummary';

export default function MentorSessionPage() {
  return (
    <RequireSignIn roles={['mentor']}>
      <MentorSession />
    </RequireSignIn>
  );
}

/** The session and its program, with the branch's zone its times are shown in. */
export function useSessionContext(sessionId: string) {
  const session = useQuery({
    queryKey: ['session', sessionId],
    queryFn: async () => unwrap(await api.GET('/v1/sessions/{id}', { params: { path: { id: sessionId } } })),
  });
  const programId = session.data?.programId;
  const program = useQuery({
    queryKey: ['program', programId],
    queryFn: async () => unwrap(await api.GET('/v1/programs/{id}', { params: { path: { id: programId! } } })),
    enabled: !!programId,
  });
  const branch = useBranch(program.data?.branchId);
  return { session, program, timezone: branch?.timezone };
}

function MentorSession() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { session, program, timezone } = useSessionContext(id);
  if (session.isPending || program.isPending) return session.error ? <ProblemMessage words="mentor" problem={problemOf(session.error)} /> : <Loading />;
  if (!session.data || !program.data) return <ProblemMessage words="mentor" problem={problemOf(session.error ?? program.error)} />;
  return (
    <section className="narrow">
      <p>
        <Link to="/mentor">{t('mentor.session.back')}</Link>
      </p>
      <h1>{program.data.title}</h1>
      {timezone && (
        <p className="lead">
          {formatTimeRange(session.data.startsAt, session.data.endsAt, timezone, i18n.language)} ({timezone})
          {session.data.topic && <> · {session.data.topic}</>}
        </p>
      )}
      {session.data.status === 'cancelled' ? (
        <p className="alert alert--warn">{t('mentor.session.cancelled', { reason: session.data.cancelReason ?? '' })}</p>
      ) : (
        <>
          <p>
            <Link to={`/mentor/sessions/${id}/check-in-code`}>{t('mentor.session.showCode')}</Link>
          </p>
          <RollCall sessionId={id} />
          {new Date(session.data.endsAt) <= new Date() && <SessionFeedback sessionId={id} />}
        </>
      )}
    </section>
  );
}
