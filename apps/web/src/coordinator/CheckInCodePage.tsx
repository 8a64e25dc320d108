import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSessionContext } from '../mentor/MentorSessionPage';
import { useAttendanceSheet } from '../mentor/RollCall';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { formatTimeRange } from '../ui/time';
import './CheckInCode.css';
import { ProblemMessage } from '../ui/ProblemMessage';

/** How often the count of teens checked in is read again. */
const COUNT_POLL_MS = 5_000;

export default function CheckInCodePage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin', 'mentor']}>
      <CheckInCodeScreen />
    </RequireSignIn>
  );
}

/** The session's current code: asked for again the moment it expires, so the screen follows the rotation by itself. */
function useCheckInCode(sessionId: string) {
  return useQuery({
    queryKey: ['check-in-code', sessionId],
    queryFn: async () => unwrap(await api.POST('/v1/sessions/{id}/check-in-code', { params: { path: { id: sessionId } } })),
    refetchInterval: (query) => {
      const expiresAt = query.state.data?.expiresAt;
      return expiresAt ? Math.max(1_000, new Date(expiresAt).getTime() - Date.now() + 250) : false;
    },
    refetchIntervalInBackground: true,
  });
}

function useSecondsLeft(until: string | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return until ? Math.max(0, Math.ceil((new Date(until).getTime() - now) / 1_000)) : undefined;
}

function CheckInCodeScreen() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { session, program, timezone } = useSessionContext(id);
  const code = useCheckInCode(id);
  const sheet = useAttendanceSheet(id, COUNT_POLL_MS);
  const secondsLeft = useSecondsLeft(code.data?.expiresAt);
  const screen = useRef<HTMLDivElement>(null);
  const checkedIn = sheet.data?.teens.filter((teen) => teen.status === 'present' || teen.status === 'late').length;
  const back = location.pathname.startsWith('/mentor') ? `/mentor/sessions/${id}` : `/coordinator/sessions/${id}/attendance`;
  return (
    <section>
      <p>
        <Link to={back}>{t('coordinator.checkInCode.back')}</Link>
      </p>
      <div ref={screen} className="check-in-screen">
        <h1>{program.data ? t('coordinator.checkInCode.title', { program: program.data.title }) : t('coordinator.checkInCode.titlePlain')}</h1>
        {session.data && timezone && (
          <p className="check-in-screen__when">
            {formatTimeRange(session.data.startsAt, session.data.endsAt, timezone, i18n.language)} ({timezone})
          </p>
        )}
        {code.isPending && <Loading />}
        <ProblemMessage words="mentor" problem={problemOf(code.error)} />
        {code.data && (
          <>
            <p className="check-in-screen__how">{t('coordinator.checkInCode.how', { url: `${location.host}/check-in` })}</p>
            <p className="check-in-screen__code">{code.data.code}</p>
            <p className="check-in-screen__timer">{t('coordinator.checkInCode.changesIn', { count: secondsLeft ?? code.data.periodSeconds })}</p>
          </>
        )}
        {sheet.data && (
          <p role="status" className="check-in-screen__count">
            {t('coordinator.checkInCode.count', { count: checkedIn ?? 0, total: sheet.data.teens.length })}
          </p>
        )}
        <button type="button" className="button button--secondary" onClick={() => void screen.current?.requestFullscreen?.()}>
          {t('coordinator.checkInCode.fullScreen')}
        </button>
      </div>
    </section>
  );
}
