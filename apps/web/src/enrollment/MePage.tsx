import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { useSignOutEverywhere } from '../people/session';
import { useBranch, useBranches } from '../programs/queries';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { ShowMore, usePagedList } from '../ui/paging';
import { problemOf } from '../ui/problem';
import { formatDate, formatDateTime, formatTimeRange } from '../ui/time';
import { Confirm } from '../ui/Confirm';
import { RateSessions } from '../feedback/RateSessions';
import { MyCertificates } from '../certificates/MyCertificates';

export default function MePage() {
  return (
    <RequireSignIn>
      <TeenHome />
    </RequireSignIn>
  );
}

function TeenHome() {
  const { t } = useTranslation();
  const participant = useQuery({
    queryKey: ['my-participant'],
    queryFn: async () => unwrap(await api.GET('/v1/me/participant')),
  });
  return (
    <section>
      <h1>{participant.data ? t('me.title', { name: participant.data.firstName }) : t('me.titlePlain')}</h1>
      {participant.data && participant.data.consentStatus !== 'granted' && <ConsentPending participant={participant.data} />}
      <Enrollments />
      <RateSessions />
      <Schedule />
      <MyCertificates />
      <CalendarFeed />
      <SignOutEverywhere />
    </section>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOutEverywhere();
  return (
    <section aria-labelledby="sign-out-everywhere">
      <h2 id="sign-out-everywhere">{t('me.everywhere.title')}</h2>
      <p>{t('me.everywhere.body')}</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/sign-in?signedOut=everywhere') })}
      >
        {t('me.everywhere.button')}
      </button>
      <ProblemMessage problem={problemOf(signOut.error)} />
    </section>
  );
}

function ConsentPending({ participant }: { participant: Schemas['ParticipantDto'] }) {
  const { t } = useTranslation();
  const resend = useMutation({ mutationFn: async () => unwrap(await api.POST('/v1/me/consent-request')) });
  return (
    <div className="alert alert--warn" role="region" aria-labelledby="consent-pending">
      <h2 id="consent-pending">{t('me.consent.title')}</h2>
      <p>{t('me.consent.body', { guardian: participant.guardianName, email: participant.guardianEmail })}</p>
      <button type="button" className="button button--secondary" disabled={resend.isPending} onClick={() => resend.mutate()}>
        {t('me.consent.resend')}
      </button>
      {resend.isSuccess && <p role="status">{t('me.consent.sent')}</p>}
      <ProblemMessage problem={problemOf(resend.error)} />
    </div>
  );
}

function Enrollments() {
  const { t, i18n } = useTranslation();
  const enrollments = usePagedList(['my-enrollments'], async (cursor) =>
    unwrap(await api.GET('/v1/me/enrollments', { params: { query: { limit: 20, cursor } } })),
  );
  const active = enrollments.items.filter((e) => e.status === 'enrolled' || e.status === 'waitlisted' || e.status === 'offered');
  return (
    <section aria-labelledby="my-enrollments">
      <h2 id="my-enrollments">{t('me.enrollments')}</h2>
      {enrollments.isPending && <Loading />}
      <ProblemMessage problem={problemOf(enrollments.error)} />
      {enrollments.isSuccess && active.length === 0 && !enrollments.hasNextPage && (
        <p>
          {t('me.noEnrollments')} <Link to="/">{t('me.findClub')}</Link>
        </p>
      )}
      <ul className="list">
        {active.map((enrollment) => (
          <li key={enrollment.id}>
            <Link to={`/programs/${enrollment.programId}`}>{enrollment.program.title}</Link>{' '}
            <span className="meta">
              {t('programs.dates', { from: formatDate(enrollment.program.startsOn, i18n.language), to: formatDate(enrollment.program.endsOn, i18n.language) })}
            </span>
            {enrollment.status === 'offered' ? (
              <Offer enrollment={enrollment} />
            ) : (
              <>
                <p>{enrollment.status === 'waitlisted' ? t('me.waitlistPlace', { place: enrollment.waitlistPosition }) : t('me.enrolled')}</p>
                <Withdraw enrollment={enrollment} />
              </>
            )}
          </li>
        ))}
      </ul>
      <ShowMore list={enrollments} />
    </section>
  );
}

function useEnrollmentChanged(programId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['my-enrollments'] });
    void client.invalidateQueries({ queryKey: ['my-schedule'] });
    void client.invalidateQueries({ queryKey: ['programs'] });
    void client.invalidateQueries({ queryKey: ['program', programId] });
  };
}

/** A seat offered from the waitlist: take it, or let it go to the next in line (asked first), until the deadline in the branch's zone. */
function Offer({ enrollment }: { enrollment: Schemas['MyEnrollmentDto'] }) {
  const { t, i18n } = useTranslation();
  const zone = useBranch(enrollment.program.branchId)?.timezone;
  const changed = useEnrollmentChanged(enrollment.programId);
  const [confirming, setConfirming] = useState(false);
  const path = { params: { path: { id: enrollment.id } } };
  const accept = useMutation({ mutationFn: async () => unwrap(await api.POST('/v1/enrollments/{id}/accept', path)), onSuccess: changed });
  const decline = useMutation({ mutationFn: async () => unwrap(await api.POST('/v1/enrollments/{id}/decline', path)), onSuccess: changed });
  const until = enrollment.offerExpiresAt && zone ? formatDateTime(enrollment.offerExpiresAt, zone, i18n.language) : '';
  return (
    <div className="alert alert--ok" role="region" aria-label={t('me.offer.label', { title: enrollment.program.title })}>
      <p>
        <strong>{t('me.offer.until', { until })}</strong>
      </p>
      <p>{t('me.offer.body')}</p>
      {confirming ? (
        <Confirm
          question={t('me.offer.declineConfirm', { title: enrollment.program.title })}
          yes={t('me.offer.declineYes')}
          no={t('me.offer.declineNo')}
          busy={decline.isPending}
          onYes={() => decline.mutate()}
          onNo={() => setConfirming(false)}
        >
          <ProblemMessage problem={problemOf(decline.error)} />
        </Confirm>
      ) : (
        <div className="actions">
          <button type="button" className="button" disabled={accept.isPending} onClick={() => accept.mutate()}>
            {t('me.offer.accept', { title: enrollment.program.title })}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t('me.offer.decline', { title: enrollment.program.title })}
          </button>
        </div>
      )}
      <ProblemMessage problem={problemOf(accept.error)} />
    </div>
  );
}

function Withdraw({ enrollment }: { enrollment: Schemas['MyEnrollmentDto'] }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/enrollments/{id}/withdraw', { params: { path: { id: enrollment.id } } })),
    onSuccess: useEnrollmentChanged(enrollment.programId),
  });
  if (!confirming)
    return (
      <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
        {t('me.withdraw', { title: enrollment.program.title })}
      </button>
    );
  return (
    <Confirm
      question={t('me.withdrawConfirm', { title: enrollment.program.title })}
      yes={t('me.withdrawYes')}
      no={t('me.withdrawNo')}
      busy={withdraw.isPending}
      onYes={() => withdraw.mutate()}
      onNo={() => setConfirming(false)}
    >
      <ProblemMessage problem={problemOf(withdraw.error)} />
    </Confirm>
  );
}

function Schedule() {
  const { t, i18n } = useTranslation();
  const schedule = useQuery({
    queryKey: ['my-schedule'],
    queryFn: async () => unwrap(await api.GET('/v1/me/schedule', { params: { query: { limit: 8 } } })).items,
  });
  return (
    <section aria-labelledby="my-schedule">
      <h2 id="my-schedule">{t('me.schedule')}</h2>
      {schedule.isSuccess && schedule.data.length === 0 && <p>{t('me.noSessions')}</p>}
      <ul className="list">
        {schedule.data?.map((item) => (
          <li key={item.sessionId} className={item.status === 'cancelled' ? 'cancelled' : undefined}>
            <strong>{formatTimeRange(item.startsAt, item.endsAt, item.timezone, i18n.language)}</strong> · {item.programTitle}
            <br />
            <span className="meta">
              {[item.topic, item.branchName, item.roomName].filter(Boolean).join(' · ')} ({item.timezone})
            </span>
            {item.status === 'cancelled' && <p>{t('program.cancelled')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CalendarFeed() {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const feed = useMutation({ mutationFn: async () => unwrap(await api.POST('/v1/me/calendar-token')) });
  useBranches();
  return (
    <section aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t('me.feed.title')}</h2>
      <p>{t('me.feed.body')}</p>
      {!feed.data && (
        <button type="button" className="button button--secondary" disabled={feed.isPending} onClick={() => feed.mutate()}>
          {t('me.feed.show')}
        </button>
      )}
      {feed.data && (
        <div className="copy">
          <label htmlFor="feed-url">{t('me.feed.label')}</label>
          <input id="feed-url" readOnly value={feed.data.url} onFocus={(event) => event.currentTarget.select()} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void navigator.clipboard?.writeText(feed.data.url).then(() => setCopied(true))}
          >
            {t('me.feed.copy')}
          </button>
          {copied && <p role="status">{t('me.feed.copied')}</p>}
        </div>
      )}
      <ProblemMessage problem={problemOf(feed.error)} />
    </section>
  );
}
