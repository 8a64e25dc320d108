import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field, SelectField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { applyProblem, problemOf } from '../ui/problem';
import { formatDate, formatTimeRange } from '../ui/time';
import { ProblemMessage } from '../ui/ProblemMessage';

type Mentor = Schemas['MentorDto'];
type Clearance = Schemas['ClearanceDto'];
/** A clearance ending within this many days is flagged, as on the dashboard. */
const EXPIRY_WARNING_DAYS = 30;

export default function MentorsPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <Mentors />
    </RequireSignIn>
  );
}

function useMentors() {
  return useQuery({
    queryKey: ['mentors'],
    queryFn: async () => {
      const all: Mentor[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.GET('/v1/mentors', { params: { query: { limit: 200, cursor } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all.sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
  });
}

const today = () => new Date().toISOString().slice(0, 10);
const daysUntil = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000);

/** The clearance in force today: of the ones begun by today, the latest (a later rejection overrides an earlier clearance), as the API decides. */
export function clearanceInForce(clearances: Clearance[]): Clearance | undefined {
  return clearances.filter((c) => c.validFrom <= today()).at(-1);
}

function Mentors() {
  const { t } = useTranslation();
  const mentors = useMentors();
  return (
    <section>
      <h1>{t('coordinator.mentors.title')}</h1>
      <p className="lead">{t('coordinator.mentors.intro')}</p>
      {mentors.isPending && <Loading />}
      <ProblemMessage words="mentor" problem={problemOf(mentors.error)} />
      {mentors.isSuccess && mentors.data.length === 0 && <p>{t('coordinator.mentors.none')}</p>}
      <div className="cards">
        {mentors.data?.map((mentor) => <MentorCard key={mentor.id} mentor={mentor} />)}
      </div>
    </section>
  );
}

function ClearanceBadge({ clearance }: { clearance: Clearance | undefined }) {
  const { t, i18n } = useTranslation();
  if (!clearance) return <span className="badge badge--warn">{t('coordinator.mentors.noClearance')}</span>;
  const left = daysUntil(clearance.expiresOn);
  const expires = formatDate(clearance.expiresOn, i18n.language);
  if (clearance.status !== 'cleared') return <span className="badge badge--warn">{t(`coordinator.mentors.clearanceStatus.${clearance.status}`)}</span>;
  if (left < 0) return <span className="badge badge--warn">{t('coordinator.mentors.expired', { date: expires })}</span>;
  if (left <= EXPIRY_WARNING_DAYS) return <span className="badge badge--warn">{t('coordinator.mentors.expiresSoon', { date: expires, count: left })}</span>;
  return <span className="badge badge--ok">{t('coordinator.mentors.clearedUntil', { date: expires })}</span>;
}

function MentorCard({ mentor }: { mentor: Mentor }) {
  const { t, i18n } = useTranslation();
  const headingId = `mentor-${mentor.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{mentor.displayName}</h2>
      {mentor.skills.length > 0 && <p className="meta">{mentor.skills.join(', ')}</p>}
      <p>
        <ClearanceBadge clearance={clearanceInForce(mentor.clearances)} />
      </p>
      <h3>{t('coordinator.mentors.clearances')}</h3>
      {mentor.clearances.length === 0 ? (
        <p>{t('coordinator.mentors.noClearances')}</p>
      ) : (
        <ul className="list">
          {mentor.clearances.map((c) => (
            <li key={c.id}>
              {t(`coordinator.mentors.kind.${c.kind}`)}: {t(`coordinator.mentors.clearanceStatus.${c.status}`)} —{' '}
              {t('coordinator.mentors.validity', { from: formatDate(c.validFrom, i18n.language), to: formatDate(c.expiresOn, i18n.language) })}
            </li>
          ))}
        </ul>
      )}
      <RecordClearance mentor={mentor} />
      <h3>{t('coordinator.mentors.upcoming')}</h3>
      {mentor.upcomingSessions.length === 0 ? (
        <p>{t('coordinator.mentors.noUpcoming')}</p>
      ) : (
        <ul className="list">
          {mentor.upcomingSessions.map((s) => (
            <li key={s.sessionId}>
              <Link to={`/coordinator/sessions/${s.sessionId}`}>
                {s.programTitle} — {formatTimeRange(s.startsAt, s.endsAt, s.timezone, i18n.language)}
              </Link>{' '}
              <span className="meta">
                ({s.timezone}) · {t(`coordinator.mentors.role.${s.role}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

interface ClearanceValues {
  kind: Schemas['CreateClearanceDto']['kind'];
  status: Schemas['CreateClearanceDto']['status'];
  validFrom: string;
  expiresOn: string;
}
const CLEARANCE_FIELDS = ['kind', 'status', 'validFrom', 'expiresOn'] as const;

function RecordClearance({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, formState, reset } = useForm<ClearanceValues>({
    defaultValues: { kind: 'background_check', status: 'cleared', validFrom: today(), expiresOn: '' },
  });
  const record = useMutation({
    mutationFn: async (body: ClearanceValues) => unwrap(await api.POST('/v1/mentors/{id}/clearances', { params: { path: { id: mentor.id } }, body })),
    onSuccess: () => {
      setOpen(false);
      reset();
      void client.invalidateQueries({ queryKey: ['mentors'] });
    },
    onError: (error) => setProblem(applyProblem(error, CLEARANCE_FIELDS, setError)),
  });
  const required = { required: t('form.required') };
  if (!open)
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('coordinator.mentors.record', { name: mentor.displayName })}
      </button>
    );
  return (
    <form
      noValidate
      className="confirm"
      aria-label={t('coordinator.mentors.record', { name: mentor.displayName })}
      onSubmit={handleSubmit((values) => {
        setProblem(undefined);
        record.mutate(values);
      })}
    >
      <SelectField label={t('coordinator.mentors.kindLabel')} error={formState.errors.kind?.message} {...register('kind', required)}>
        <option value="background_check">{t('coordinator.mentors.kind.background_check')}</option>
      </SelectField>
      <SelectField label={t('coordinator.mentors.statusLabel')} error={formState.errors.status?.message} {...register('status', required)}>
        {(['cleared', 'pending', 'rejected'] as const).map((status) => (
          <option key={status} value={status}>
            {t(`coordinator.mentors.clearanceStatus.${status}`)}
          </option>
        ))}
      </SelectField>
      <Field type="date" label={t('coordinator.mentors.validFrom')} error={formState.errors.validFrom?.message} {...register('validFrom', required)} />
      <Field type="date" label={t('coordinator.mentors.expiresOn')} error={formState.errors.expiresOn?.message} {...register('expiresOn', required)} />
      <div className="actions">
        <button type="submit" className="button" disabled={record.isPending}>
          {t('coordinator.mentors.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      <ProblemMessage words="mentor" problem={problem} />
    </form>
  );
}
