import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useMe } from '../people/session';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { ShowMore, usePagedList } from '../ui/paging';
import { problemOf } from '../ui/problem';
import { formatDate, formatTimeRange } from '../ui/time';
import { Availability, WeeklyTime } from './ProgramCard';
import { useBranch } from './queries';

export default function ProgramPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const program = useQuery({
    queryKey: ['program', id],
    queryFn: async () => unwrap(await api.GET('/v1/programs/{id}', { params: { path: { id } } })),
  });
  const sessions = usePagedList(['program', id, 'sessions'], async (cursor) =>
    unwrap(await api.GET('/v1/programs/{id}/sessions', { params: { path: { id }, query: { limit: 50, cursor } } })),
  );
  const branch = useBranch(program.data?.branchId);
  const names = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  if (program.isPending) return <Loading />;
  if (program.isError) return <ProblemMessage problem={problemOf(program.error)} />;
  const p = program.data;
  return (
    <article>
      <p>
        <Link to="/">{t('program.back')}</Link>
      </p>
      <h1>{p.title}</h1>
      <p className="meta">
        {branch?.name} · {t(`levels.${p.level}`)} · {t('programs.ages', { min: p.minAge, max: p.maxAge })}
      </p>
      <p>{p.description}</p>
      <p>{t('programs.dates', { from: formatDate(p.startsOn, i18n.language), to: formatDate(p.endsOn, i18n.language) })}</p>
      <WeeklyTime session={sessions.items[0]} timeZone={branch?.timezone} />
      {branch?.address && <p>{t('program.address', { address: branch.address })}</p>}
      <Availability program={p} />
      <EnrollBox programId={p.id} />
      <h2>{t('program.sessions')}</h2>
      <p>
        <a href={`/v1/programs/${p.id}/calendar.ics`} download>
          {t('program.addToCalendar')}
        </a>
      </p>
      {sessions.isSuccess && branch && (
        <ul className="list">
          {sessions.items.map((session) => (
            <li key={session.id} className={session.status === 'cancelled' ? 'cancelled' : undefined}>
              <strong>{formatTimeRange(session.startsAt, session.endsAt, branch.timezone, i18n.language)}</strong>
              {session.topic && <> — {session.topic}</>}
              {session.status === 'cancelled' && <> ({t('program.cancelled')})</>}
              {session.status !== 'cancelled' && session.mentors.length > 0 && (
                <>
                  <br />
                  <span className="meta">{t('program.mentors', { count: session.mentors.length, names: names.format(session.mentors.map((m) => m.firstName)) })}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ShowMore list={sessions} label={t('program.moreSessions')} />
      <p className="hint">{t('program.zone', { zone: branch?.timezone ?? '' })}</p>
    </article>
  );
}

function EnrollBox({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const enroll = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/programs/{id}/enrollments', {
          params: { path: { id: programId } },
          body: {},
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['program', programId] });
      void client.invalidateQueries({ queryKey: ['programs'] });
      void client.invalidateQueries({ queryKey: ['my-enrollments'] });
    },
  });
  if (me.isPending) return null;
  if (!me.data || me.data.role !== 'participant')
    return (
      <p className="actions">
        <Link className="button" to={`/sign-up`}>
          {t('program.signUpToEnroll')}
        </Link>
        <Link to={`/sign-in?next=/programs/${programId}`}>{t('program.signInToEnroll')}</Link>
      </p>
    );
  if (enroll.isSuccess)
    return (
      <div role="status" className="alert alert--ok">
        {enroll.data.status === 'waitlisted' ? t('program.waitlisted', { place: enroll.data.waitlistPosition }) : t('program.enrolled')}{' '}
        <Link to="/me">{t('program.seeHome')}</Link>
      </div>
    );
  return (
    <div className="actions">
      <button type="button" className="button" disabled={enroll.isPending} onClick={() => enroll.mutate()}>
        {t('program.enroll')}
      </button>
      <ProblemMessage problem={problemOf(enroll.error)} />
    </div>
  );
}
