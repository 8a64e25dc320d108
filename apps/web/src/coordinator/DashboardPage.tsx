import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { useMe } from '../people/session';
import { useBranches } from '../programs/queries';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';
import { ageOn, formatDate, formatDateTime, formatTimeRange } from '../ui/time';
import { addDays, localParts, zonedIso } from './zoned';
import './coordinator.css';

const AGE_OF_MAJORITY = 18;

export default function DashboardPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <Dashboard />
    </RequireSignIn>
  );
}

/** Today at my branches (an admin: all): each section one set-based request to the feature that owns it. */
function Dashboard() {
  const { t } = useTranslation();
  const me = useMe();
  const branches = useBranches();
  if (!branches.isSuccess || !me.data) return <Loading />;
  const admin = me.data.role === 'admin';
  const mine = branches.data.filter((b) => admin || me.data!.branchIds.includes(b.id));
  return (
    <section>
      <h1>{t('coordinator.dashboard.title')}</h1>
      <p className="lead">{admin ? t('coordinator.dashboard.allBranches') : t('coordinator.dashboard.myBranches', { names: mine.map((b) => b.name).join(', ') })}</p>
      <Week branches={mine} />
      <Waitlists branches={mine} />
      <Flagged />
      <PendingConsent />
      <ExpiringClearances />
      {admin ? <FailedMail /> : null}
    </section>
  );
}

type Branch = Schemas['BranchDto'];

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="card dashboard-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function State({ query, empty, children }: { query: { isPending: boolean; isError: boolean; error: unknown }; empty: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemMessage problem={problemOf(query.error)} />;
  if (empty) return <p>{t('coordinator.dashboard.nothing')}</p>;
  return <>{children}</>;
}

function Week({ branches }: { branches: Branch[] }) {
  const { t, i18n } = useTranslation();
  const zone = branches[0]?.timezone ?? 'UTC';
  const today = localParts(new Date().toISOString(), zone).date;
  const from = zonedIso(today, '00:00', zone);
  const to = zonedIso(addDays(today, 7), '00:00', zone);
  const sessions = useQuery({
    queryKey: ['dashboard', 'sessions', from],
    queryFn: async () => unwrap(await api.GET('/v1/sessions', { params: { query: { from, to, limit: 200 } } })).items,
  });
  const zoneOf = (branchId: string) => branches.find((b) => b.id === branchId)?.timezone ?? zone;
  const isToday = (s: Schemas['BranchSessionDto']) => localParts(s.startsAt, zoneOf(s.branchId)).date === today;
  const rows = (list: Schemas['BranchSessionDto'][], caption: string) => (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coordinator.dashboard.when')}</th>
            <th scope="col">{t('coordinator.dashboard.program')}</th>
            <th scope="col">{t('coordinator.program.room')}</th>
            <th scope="col">{t('coordinator.session.mentors')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={s.id} className={s.status === 'cancelled' ? 'cancelled' : undefined}>
              <td>
                <Link to={`/coordinator/sessions/${s.id}`}>{formatTimeRange(s.startsAt, s.endsAt, zoneOf(s.branchId), i18n.language)}</Link>
                {s.status === 'cancelled' && <> ({t('coordinator.session.status.cancelled')})</>}
              </td>
              <td>{s.programTitle}</td>
              <td>{s.roomName ?? t('coordinator.session.noRoom')}</td>
              <td>{s.mentorNames.length ? s.mentorNames.join(', ') : <span className="badge badge--warn">{t('coordinator.dashboard.noMentor')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const todays = (sessions.data ?? []).filter(isToday);
  const later = (sessions.data ?? []).filter((s) => !isToday(s));
  return (
    <Section id="week-heading" title={t('coordinator.dashboard.week')}>
      <State query={sessions} empty={!sessions.data?.length}>
        {todays.length > 0 ? rows(todays, t('coordinator.dashboard.today', { count: todays.length })) : <p>{t('coordinator.dashboard.nothingToday')}</p>}
        {later.length > 0 && rows(later, t('coordinator.dashboard.laterThisWeek', { count: later.length }))}
      </State>
    </Section>
  );
}

function Waitlists({ branches }: { branches: Branch[] }) {
  const { t } = useTranslation();
  const programs = useQuery({
    queryKey: ['programs', 'console', '', 'published'],
    queryFn: async () => unwrap(await api.GET('/v1/programs', { params: { query: { status: 'published', limit: 200 } } })).items,
  });
  const waiting = (programs.data ?? []).filter((p) => p.waitlistedCount > 0 && branches.some((b) => b.id === p.branchId));
  return (
    <Section id="waitlist-heading" title={t('coordinator.dashboard.waitlists')}>
      <State query={programs} empty={!waiting.length}>
        <ul className="list">
          {waiting.map((p) => (
            <li key={p.id}>
              <Link to={`/coordinator/programs/${p.id}`}>{p.title}</Link> — {t('coordinator.dashboard.waiting', { count: p.waitlistedCount, enrolled: p.enrolledCount, capacity: p.capacity })}
            </li>
          ))}
        </ul>
      </State>
    </Section>
  );
}

function Flagged() {
  const { t } = useTranslation();
  const flagged = useQuery({ queryKey: ['dashboard', 'flagged'], queryFn: async () => unwrap(await api.GET('/v1/attendance/flagged', {})) });
  return (
    <Section id="flagged-heading" title={t('coordinator.dashboard.flagged')}>
      <State query={flagged} empty={!flagged.data?.length}>
        <ul className="list">
          {(flagged.data ?? []).map((f) => (
            <li key={`${f.programId}-${f.participantId}`}>
              <strong>
                {f.firstName} {f.lastName}
              </strong>{' '}
              — {t('coordinator.dashboard.absences', { count: f.consecutiveAbsences, title: f.programTitle })}{' '}
              <Link to={`/coordinator/programs/${f.programId}`}>{t('coordinator.dashboard.openProgram', { title: f.programTitle })}</Link>
            </li>
          ))}
        </ul>
      </State>
    </Section>
  );
}

function PendingConsent() {
  const { t } = useTranslation();
  const pending = useQuery({
    queryKey: ['dashboard', 'consent'],
    queryFn: async () => unwrap(await api.GET('/v1/participants', { params: { query: { consentStatus: 'pending', limit: 200 } } })).items,
  });
  const minors = (pending.data ?? []).filter((p) => ageOn(p.birthDate) < AGE_OF_MAJORITY);
  return (
    <Section id="consent-heading" title={t('coordinator.dashboard.consent')}>
      <State query={pending} empty={!minors.length}>
        <ul className="list">
          {minors.map((p) => (
            <ResendItem key={p.id} participant={p} />
          ))}
        </ul>
      </State>
    </Section>
  );
}

function ResendItem({ participant }: { participant: Schemas['ParticipantDto'] }) {
  const { t, i18n } = useTranslation();
  const resend = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/participants/{id}/consent-request', { params: { path: { id: participant.id } } })),
  });
  const name = `${participant.firstName} ${participant.lastName}`;
  return (
    <li>
      <strong>{name}</strong> — {t('coordinator.dashboard.guardian', { guardian: participant.guardianName ?? '' })}{' '}
      <button type="button" className="button button--secondary" disabled={resend.isPending || resend.isSuccess} onClick={() => resend.mutate()}>
        {t('coordinator.dashboard.resend', { name })}
      </button>
      {resend.isSuccess && (
        <span role="status" className="badge badge--ok">
          {t('coordinator.dashboard.resent', { date: formatDateTime(resend.data.expiresAt, Intl.DateTimeFormat().resolvedOptions().timeZone, i18n.language) })}
        </span>
      )}
      <ProblemMessage words="coordinator" problem={problemOf(resend.error)} />
    </li>
  );
}

function ExpiringClearances() {
  const { t, i18n } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const by = addDays(today, 30);
  const mentors = useQuery({
    queryKey: ['dashboard', 'clearances', by],
    queryFn: async () => unwrap(await api.GET('/v1/mentors', { params: { query: { clearanceExpiresBy: by, limit: 200 } } })).items,
  });
  return (
    <Section id="clearance-heading" title={t('coordinator.dashboard.clearances')}>
      <State query={mentors} empty={!mentors.data?.length}>
        <ul className="list">
          {(mentors.data ?? []).map((m) => {
            const soon = m.clearances.filter((c) => c.status === 'cleared' && c.expiresOn >= today && c.expiresOn <= by);
            return (
              <li key={m.id}>
                <strong>{m.displayName}</strong> —{' '}
                {soon.map((c) => t('coordinator.dashboard.expires', { kind: t(`coordinator.assign.kind.${c.kind}`), date: formatDate(c.expiresOn, i18n.language) })).join('; ')}
              </li>
            );
          })}
        </ul>
      </State>
    </Section>
  );
}

/** Admins only: the outbox names guardians and teens of every branch, and the admin route is the one that lists it (DESIGN: admins run the system). */
function FailedMail() {
  const { t, i18n } = useTranslation();
  const failed = useQuery({
    queryKey: ['dashboard', 'outbox', 'failed'],
    queryFn: async () => unwrap(await api.GET('/v1/admin/outbox', { params: { query: { status: 'failed', limit: 50 } } })).items,
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Section id="mail-heading" title={t('coordinator.dashboard.failedMail')}>
      <State query={failed} empty={!failed.data?.length}>
        <ul className="list">
          {(failed.data ?? []).map((m) => (
            <li key={m.id}>
              <strong>{i18n.exists(`coordinator.topics.${m.topic}`) ? t(`coordinator.topics.${m.topic}`) : m.topic}</strong> —{' '}
              {t('coordinator.dashboard.failedAt', { count: m.attempts, at: formatDateTime(m.createdAt, zone, i18n.language) })}
              {m.lastError && <span className="meta"> ({m.lastError})</span>}
            </li>
          ))}
        </ul>
      </State>
    </Section>
  );
}
