import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { Loading, RequireSignIn } from '../ui/Layout';
import { formatDateTime, formatTimeRange } from '../ui/time';
import { answerOf, type CheckInAnswer } from './answer';

export default function CheckInPage() {
  return (
    <RequireSignIn>
      <CheckIn />
    </RequireSignIn>
  );
}

/** My sessions of the coming day that have not ended, the one happening now (or next) first. */
function useTodaysSessions() {
  return useQuery({
    queryKey: ['my-schedule', 'today'],
    queryFn: async () => {
      const now = new Date();
      const from = new Date(now.getTime() - 12 * 3_600_000).toISOString();
      const to = new Date(now.getTime() + 24 * 3_600_000).toISOString();
      const items = unwrap(await api.GET('/v1/me/schedule', { params: { query: { from, to, limit: 20 } } })).items;
      return items
        .filter((item) => item.status === 'scheduled' && item.as === 'participant' && new Date(item.endsAt) > now)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },
  });
}

function CheckIn() {
  const { t } = useTranslation();
  const sessions = useTodaysSessions();
  if (sessions.isPending) return <Loading />;
  const items = sessions.data ?? [];
  return (
    <section className="narrow">
      <h1>{t('checkIn.title')}</h1>
      {items.length === 0 ? (
        <p>
          {t('checkIn.noSession')} <Link to="/me">{t('checkIn.seeSchedule')}</Link>
        </p>
      ) : (
        <CheckInForm sessions={items} />
      )}
    </section>
  );
}

export function CheckInForm({ sessions }: { sessions: Schemas['ScheduleItemDto'][] }) {
  const { t, i18n } = useTranslation();
  // The mentor's screen links here with ?sessionId=…&code=… (the API's checkInUrl): both are filled in.
  const [params] = useSearchParams();
  const linked = sessions.find((item) => item.sessionId === params.get('sessionId'));
  const [sessionId, setSessionId] = useState(linked?.sessionId ?? sessions[0]?.sessionId);
  const [code, setCode] = useState((params.get('code') ?? '').replace(/\D/g, '').slice(0, 6));
  const [answer, setAnswer] = useState<CheckInAnswer>();
  const session = sessions.find((item) => item.sessionId === sessionId) ?? sessions[0];
  const checkIn = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/sessions/{id}/check-ins', { params: { path: { id: session.sessionId } }, body: { code } })),
    onSuccess: (result) => setAnswer(answerOf({ result })),
    onError: (error) => setAnswer(answerOf({ error })),
  });
  const valid = /^\d{6}$/.test(code);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) checkIn.mutate();
        else setAnswer({ kind: 'wrong-code' });
      }}
    >
      {sessions.length > 1 ? (
        <fieldset>
          <legend>{t('checkIn.which')}</legend>
          {sessions.map((item) => (
            <div className="check" key={item.sessionId}>
              <input
                type="radio"
                id={`session-${item.sessionId}`}
                name="session"
                checked={item.sessionId === session.sessionId}
                onChange={() => setSessionId(item.sessionId)}
              />
              <label htmlFor={`session-${item.sessionId}`}>
                {item.programTitle} — {formatTimeRange(item.startsAt, item.endsAt, item.timezone, i18n.language)}
              </label>
            </div>
          ))}
        </fieldset>
      ) : (
        <p>
          {t('checkIn.for')} <strong>{session.programTitle}</strong>
          {session.topic && <> — {session.topic}</>}
          <br />
          {formatTimeRange(session.startsAt, session.endsAt, session.timezone, i18n.language)} ({session.timezone})
        </p>
      )}
      <div className="field field--big">
        <label htmlFor="check-in-code">{t('checkIn.code')}</label>
        <p className="field__hint" id="check-in-code-hint">
          {t('checkIn.codeHint')}
        </p>
        <input
          id="check-in-code"
          className="code-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          aria-describedby="check-in-code-hint"
          aria-invalid={answer?.kind === 'wrong-code' ? true : undefined}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
        />
      </div>
      <button type="submit" className="button button--big" disabled={checkIn.isPending}>
        {t('checkIn.submit')}
      </button>
      {answer && <Answer answer={answer} timeZone={session.timezone} />}
    </form>
  );
}

function Answer({ answer, timeZone }: { answer: CheckInAnswer; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const ok = answer.kind === 'checked-in' || answer.kind === 'late';
  let text: string;
  switch (answer.kind) {
    case 'checked-in':
      text = t('checkIn.answer.checkedIn', { at: formatDateTime(answer.at, timeZone, i18n.language) });
      break;
    case 'late':
      text = t('checkIn.answer.late', { at: formatDateTime(answer.at, timeZone, i18n.language) });
      break;
    case 'wrong-code':
      text =
        answer.attemptsLeft !== undefined ? t('checkIn.answer.wrongCodeLeft', { count: answer.attemptsLeft }) : t('checkIn.answer.wrongCode');
      break;
    case 'too-early':
      text = answer.opensAt ? t('checkIn.answer.tooEarlyAt', { at: formatDateTime(answer.opensAt, timeZone, i18n.language) }) : t('checkIn.answer.tooEarly');
      break;
    case 'closed':
      text = t('checkIn.answer.closed');
      break;
    case 'too-many-tries':
      text = t('checkIn.answer.tooManyTries', { minutes: Math.max(1, Math.ceil((answer.retryAfterSeconds ?? 60) / 60)) });
      break;
    case 'not-enrolled':
      text = t('checkIn.answer.notEnrolled');
      break;
    default:
      text = t('checkIn.answer.other', { detail: answer.detail });
  }
  return (
    <p role={ok ? 'status' : 'alert'} className={`alert ${ok ? 'alert--ok' : 'alert--error'} answer`}>
      {text}
    </p>
  );
}
