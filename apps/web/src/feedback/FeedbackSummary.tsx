import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';
import './feedback.css';

type Summary = Schemas['SessionFeedbackDto'] | Schemas['ProgramFeedbackDto'];

/** What teens said of one session, for its mentors and coordinators (words: the mentor console's). */
export function SessionFeedback({ sessionId }: { sessionId: string }) {
  const feedback = useQuery({
    queryKey: ['session-feedback', sessionId],
    queryFn: async () => unwrap(await api.GET('/v1/sessions/{id}/feedback', { params: { path: { id: sessionId } } })),
  });
  return <FeedbackSection query={feedback} />;
}

/** What teens said of a program's sessions, with each session's average. */
export function ProgramFeedback({ programId, timeZone }: { programId: string; timeZone: string }) {
  const feedback = useQuery({
    queryKey: ['program-feedback', programId],
    queryFn: async () => unwrap(await api.GET('/v1/programs/{id}/feedback', { params: { path: { id: programId } } })),
  });
  return <FeedbackSection query={feedback} timeZone={timeZone} />;
}

function FeedbackSection({ query, timeZone }: { query: { data?: Summary; error: unknown; isPending: boolean }; timeZone?: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('mentor.feedback.title')}</h2>
      {query.isPending && !query.error && <Loading />}
      <ProblemMessage words="mentor" problem={problemOf(query.error)} />
      {query.data && <SummaryView summary={query.data} timeZone={timeZone} />}
    </section>
  );
}

function SummaryView({ summary, timeZone }: { summary: Summary; timeZone?: string }) {
  const { t, i18n } = useTranslation();
  if (summary.count === 0) return <p>{t('mentor.feedback.none')}</p>;
  const number = (n: number | null) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(n ?? 0);
  const byDay = (iso: string) => new Intl.DateTimeFormat(i18n.language, { timeZone, dateStyle: 'medium' }).format(new Date(iso));
  return (
    <>
      <p className="lead">{t('mentor.feedback.average', { average: number(summary.average), count: summary.count })}</p>
      <ul className="ratings" aria-label={t('mentor.feedback.distribution')}>
        {[...summary.distribution].reverse().map((d) => (
          <li key={d.rating}>
            <span>{t('mentor.feedback.stars', { rating: d.rating })}</span>
            <meter min={0} max={summary.count} value={d.count} aria-label={t('mentor.feedback.ratedBy', { rating: d.rating, count: d.count })} />
            <span aria-hidden="true">{d.count}</span>
          </li>
        ))}
      </ul>
      {'sessions' in summary && summary.sessions.length > 1 && (
        <>
          <h3>{t('mentor.feedback.bySession')}</h3>
          <ul className="list">
            {summary.sessions.map((s) => (
              <li key={s.sessionId}>
                {byDay(s.startsAt)}
                {s.topic && <> · {s.topic}</>}: {t('mentor.feedback.sessionAverage', { average: number(s.average), count: s.count })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('mentor.feedback.comments', { count: summary.commentCount })}</h3>
      {summary.commentsHeldBack && <p>{t('mentor.feedback.heldBack')}</p>}
      {summary.comments.length > 0 && (
        <ul className="comments">
          {summary.comments.map((c, i) => (
            <li key={`${c.sessionId}-${i}`}>
              {timeZone && <span className="meta">{byDay(c.sessionStartsAt)} · </span>}
              {c.text}
            </li>
          ))}
        </ul>
      )}
      <p className="meta">{t('mentor.feedback.anonymous')}</p>
    </>
  );
}
