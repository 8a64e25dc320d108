import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { formatTimeRange } from '../ui/time';
import './mentor.css';
import { ProblemMessage } from '../ui/ProblemMessage';

/** How far back "past sessions" reaches: the roll calls a mentor may still correct. */
const PAST_DAYS = 14;

export default function MentorHomePage() {
  return (
    <RequireSignIn roles={['mentor']}>
      <MentorHome />
    </RequireSignIn>
  );
}

function MentorHome() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('mentor.home.title')}</h1>
      <Sessions when="upcoming" />
      <Sessions when="past" />
      <Hours />
    </section>
  );
}

function useMySessions(when: 'upcoming' | 'past') {
  return useQuery({
    queryKey: ['my-schedule', 'mentor', when],
    queryFn: async () => {
      const now = new Date();
      const query =
        when === 'upcoming' ? { limit: 20 } : { from: new Date(now.getTime() - PAST_DAYS * 86_400_000).toISOString(), to: now.toISOString(), limit: 50 };
      const items = unwrap(await api.GET('/v1/me/schedule', { params: { query } })).items.filter((item) => item.as === 'mentor');
      // Past ones: started already, most recent first (a session under way is in both lists).
      return when === 'upcoming' ? items : items.filter((item) => new Date(item.startsAt) <= now).reverse();
    },
  });
}

function Sessions({ when }: { when: 'upcoming' | 'past' }) {
  const { t } = useTranslation();
  const sessions = useMySessions(when);
  const id = `sessions-${when}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{when === 'upcoming' ? t('mentor.home.upcoming') : t('mentor.home.past', { days: PAST_DAYS })}</h2>
      {sessions.isPending && <Loading />}
      <ProblemMessage words="mentor" problem={problemOf(sessions.error)} />
      {sessions.isSuccess && sessions.data.length === 0 && <p>{when === 'upcoming' ? t('mentor.home.noUpcoming') : t('mentor.home.noPast')}</p>}
      <ul className="sessions">
        {sessions.data?.map((item) => <SessionCard key={item.sessionId} item={item} />)}
      </ul>
    </section>
  );
}

function SessionCard({ item }: { item: Schemas['ScheduleItemDto'] }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`card${item.status === 'cancelled' ? ' cancelled' : ''}`}>
      <h3>
        <Link to={`/mentor/sessions/${item.sessionId}`}>
          {item.programTitle} — {formatTimeRange(item.startsAt, item.endsAt, item.timezone, i18n.language)}
        </Link>
      </h3>
      <p className="meta">
        {[item.topic, item.branchName, item.roomName].filter(Boolean).join(' · ')} ({item.timezone})
      </p>
      {item.status === 'cancelled' && <p>{t('mentor.session.cancelled', { reason: item.cancelReason ?? '' })}</p>}
    </li>
  );
}

function Hours() {
  const { t, i18n } = useTranslation();
  const hours = useQuery({
    queryKey: ['my-hours'],
    queryFn: async () => {
      const me = unwrap(await api.GET('/v1/me/mentor'));
      return unwrap(await api.GET('/v1/mentors/{id}/hours', { params: { path: { id: me.id }, query: {} } }));
    },
  });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="my-hours">
      <h2 id="my-hours">{t('mentor.hours.title')}</h2>
      {hours.isPending && <Loading />}
      <ProblemMessage words="mentor" problem={problemOf(hours.error)} />
      {hours.data && (
        <>
          <ul className="stats">
            <li>
              <span className="stat__value">{number.format(hours.data.hours)}</span> {t('mentor.hours.hours')}
            </li>
            <li>
              <span className="stat__value">{number.format(hours.data.sessions)}</span> {t('mentor.hours.sessions')}
            </li>
          </ul>
          {hours.data.byProgram.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <caption>{t('mentor.hours.byProgram')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('mentor.hours.program')}</th>
                    <th scope="col" className="num">
                      {t('mentor.hours.sessions')}
                    </th>
                    <th scope="col" className="num">
                      {t('mentor.hours.hours')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {hours.data.byProgram.map((row) => (
                    <tr key={row.programId}>
                      <th scope="row">{row.title}</th>
                      <td className="num">{number.format(row.sessions)}</td>
                      <td className="num">{number.format(row.hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="meta">{t('mentor.hours.note')}</p>
        </>
      )}
    </section>
  );
}
