import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { useBranch } from '../programs/queries';
import { Field, SelectField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { applyProblem, problemOf } from '../ui/problem';
import { formatDate, formatDateTime, formatTimeRange } from '../ui/time';
import { useProgram, useRooms } from './queries';
import { localParts, zonedIso } from './zoned';
import './coordinator.css';
import { consoleFieldWords } from './problems';
import { SessionFeedback } from '../feedback/FeedbackSummary';

type Session = Schemas['SessionDetailDto'];
type Mentor = Schemas['MentorDto'];

export default function SessionPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <SessionConsole />
    </RequireSignIn>
  );
}

function useSession(id: string) {
  return useQuery({ queryKey: ['session', id], queryFn: async () => unwrap(await api.GET('/v1/sessions/{id}', { params: { path: { id } } })) });
}

/** One session for its coordinator: when (in the branch's zone), where, its mentors and their ratio to the teens; move or cancel it. */
function SessionConsole() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const session = useSession(id);
  const program = useProgram(session.data?.programId ?? '');
  const branch = useBranch(program.data?.branchId);
  const rooms = useRooms(program.data?.branchId);
  if (session.isPending || (session.isSuccess && program.isPending)) return <Loading />;
  if (session.isError) return <ProblemMessage problem={problemOf(session.error)} />;
  if (program.isError) return <ProblemMessage problem={problemOf(program.error)} />;
  if (!branch) return <Loading />;
  const s = session.data;
  const zone = branch.timezone;
  const room = rooms.data?.find((r) => r.id === s.roomId);
  return (
    <article>
      <p>
        <Link to={`/coordinator/programs/${program.data!.id}`}>{t('coordinator.session.back', { title: program.data!.title })}</Link>
      </p>
      <h1>{t('coordinator.session.title', { title: program.data!.title })}</h1>
      <p className="lead">{formatTimeRange(s.startsAt, s.endsAt, zone, i18n.language)}</p>
      <p className="meta">
        {t('coordinator.session.zone', { zone })} · {branch.name} · {room ? t('coordinator.series.roomOption', { name: room.name, seats: room.seats }) : t('coordinator.session.noRoom')}
        {s.topic && <> · {s.topic}</>}
      </p>
      {s.status === 'cancelled' && (
        <p className="alert alert--warn">{t('coordinator.session.cancelledBecause', { reason: s.cancelReason ?? '' })}</p>
      )}
      {s.status === 'scheduled' && (
        <div className="actions">
          <Link className="button button--secondary" to={`/coordinator/sessions/${s.id}/attendance`}>
            {t('coordinator.session.rollCall')}
          </Link>
          <Link className="button button--secondary" to={`/coordinator/sessions/${s.id}/check-in-code`}>
            {t('coordinator.session.checkInCode')}
          </Link>
        </div>
      )}
      <Staffing staffing={s.staffing} />
      <Mentors session={s} timeZone={zone} />
      {s.status === 'scheduled' && new Date(s.endsAt) <= new Date() && <SessionFeedback sessionId={s.id} />}
      {s.status === 'scheduled' && (
        <>
          <MoveForm session={s} timeZone={zone} rooms={rooms.data ?? []} />
          <CancelForm session={s} />
        </>
      )}
    </article>
  );
}

function Staffing({ staffing }: { staffing: Session['staffing'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ratio-heading">
      <h2 id="ratio-heading">{t('coordinator.session.ratio')}</h2>
      <p>
        {t('coordinator.session.ratioText', { count: staffing.mentors, teens: staffing.enrolledTeens })}{' '}
        {staffing.teensPerMentor !== null && t('coordinator.session.perMentor', { n: staffing.teensPerMentor })}{' '}
        {staffing.overRatio ? (
          <span className="badge badge--warn">{t('coordinator.session.overRatio')}</span>
        ) : (
          <span className="badge badge--ok">{t('coordinator.session.ratioOk')}</span>
        )}
      </p>
    </section>
  );
}

/** A clearance's state in words, with its last day. */
function clearanceText(t: (key: string, o?: Record<string, unknown>) => string, mentor: Mentor, language: string) {
  const latest = [...mentor.clearances].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn)).pop();
  if (!latest) return t('coordinator.assign.noClearance');
  return t(`coordinator.assign.clearance.${latest.status}`, { kind: t(`coordinator.assign.kind.${latest.kind}`), date: formatDate(latest.expiresOn, language) });
}

function Mentors({ session, timeZone }: { session: Session; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const onSession = useQuery({
    queryKey: ['session', session.id, 'mentors'],
    queryFn: async () => unwrap(await api.GET('/v1/sessions/{id}/mentors', { params: { path: { id: session.id } } })),
  });
  const mentors = useQuery({ queryKey: ['mentors'], queryFn: async () => unwrap(await api.GET('/v1/mentors', { params: { query: { limit: 200 } } })).items });
  const form = useForm<{ mentorId: string; role: 'lead' | 'assistant' }>({ defaultValues: { mentorId: '', role: 'lead' } });
  const [problem, setProblem] = useState<Problem>();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['session', session.id] });
  };
  const nameOf = (mentorId: string) => mentors.data?.find((m) => m.id === mentorId)?.displayName ?? '';
  const assign = useMutation({
    mutationFn: async (v: { mentorId: string; role: 'lead' | 'assistant' }) =>
      unwrap(await api.PUT('/v1/sessions/{id}/mentors/{mentorId}', { params: { path: { id: session.id, mentorId: v.mentorId } }, body: { role: v.role } })),
    onSuccess: async () => {
      setProblem(undefined);
      form.reset({ mentorId: '', role: 'lead' });
      await refresh();
    },
    onError: (error, v) => {
      const p = problemOf(error);
      // The two refusals a coordinator meets most, in words naming the mentor and, for a double booking, the other session.
      if (p?.code === 'mentor-conflict' || p?.code === 'mentor-not-cleared') {
        form.setError('mentorId', { type: 'server', message: assignRefusal(t, p, nameOf(v.mentorId), timeZone, i18n.language) });
        setProblem(undefined);
      } else setProblem(applyProblem(error, ['mentorId', 'role'], form.setError, consoleFieldWords(t)));
    },
  });
  const unassign = useMutation({
    mutationFn: async (mentorId: string) => unwrap(await api.DELETE('/v1/sessions/{id}/mentors/{mentorId}', { params: { path: { id: session.id, mentorId } } })),
    onSuccess: refresh,
  });
  const assigned = new Set((onSession.data ?? []).map((m) => m.mentorId));
  return (
    <section aria-labelledby="mentors-heading">
      <h2 id="mentors-heading">{t('coordinator.session.mentors')}</h2>
      {onSession.isPending ? (
        <Loading />
      ) : onSession.data?.length ? (
        <ul className="list">
          {onSession.data.map((m) => (
            <li key={m.mentorId}>
              <strong>{m.displayName}</strong> ({t(`coordinator.assign.role.${m.role}`)}){' '}
              {session.status === 'scheduled' && (
                <button type="button" className="link-button" disabled={unassign.isPending} onClick={() => unassign.mutate(m.mentorId)}>
                  {t('coordinator.session.unassign', { name: m.displayName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('coordinator.session.noMentors')}</p>
      )}
      <ProblemMessage problem={problemOf(unassign.error)} />
      {session.status === 'scheduled' && (
        <form noValidate className="card" onSubmit={form.handleSubmit((v) => assign.mutate(v))}>
          <ProblemMessage words="coordinator" problem={problem} />
          <SelectField label={t('coordinator.session.mentor')} error={form.formState.errors.mentorId?.message} {...form.register('mentorId', { required: t('coordinator.session.pickMentor') })}>
            <option value="">{t('coordinator.session.chooseMentor')}</option>
            {(mentors.data ?? [])
              .filter((m) => !assigned.has(m.id))
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName} — {clearanceText(t, m, i18n.language)}
                </option>
              ))}
          </SelectField>
          <SelectField label={t('coordinator.session.role')} {...form.register('role')}>
            <option value="lead">{t('coordinator.assign.role.lead')}</option>
            <option value="assistant">{t('coordinator.assign.role.assistant')}</option>
          </SelectField>
          <button type="submit" className="button" disabled={assign.isPending}>
            {t('coordinator.session.assign')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Why an assignment was refused, in words: the other session by program and time, or the clearance and its state. */
export function assignRefusal(t: (key: string, o?: Record<string, unknown>) => string, p: Problem, name: string, timeZone: string, language: string): string {
  const x = p as Problem & Record<string, unknown>;
  if (p.code === 'mentor-conflict') {
    const title = x.conflictingProgramTitle as string | null;
    const at = x.conflictingStartsAt as string | null;
    return title && at ? t('coordinator.problems.mentorBusy', { name, title, at: formatDateTime(at, timeZone, language) }) : t('coordinator.problems.mentorBusyUnknown', { name });
  }
  return t('coordinator.problems.mentorNotCleared', {
    name,
    date: formatDate(x.date as string, language),
    kind: t(`coordinator.assign.kind.${x.kind as string}`),
    status: t(`coordinator.assign.gap.${x.clearanceStatus as string}`),
  });
}

type MoveValues = { date: string; start: string; end: string; roomId: string; scope: 'this' | 'following' };

function MoveForm({ session, timeZone, rooms }: { session: Session; timeZone: string; rooms: Schemas['RoomDto'][] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const start = localParts(session.startsAt, timeZone);
  const form = useForm<MoveValues>({ defaultValues: { date: start.date, start: start.time, end: localParts(session.endsAt, timeZone).time, roomId: session.roomId ?? '', scope: 'this' } });
  const move = useMutation({
    mutationFn: async (v: MoveValues) =>
      unwrap(
        await api.PATCH('/v1/sessions/{id}', {
          params: { path: { id: session.id }, query: { scope: v.scope } },
          body: { startsAt: zonedIso(v.date, v.start, timeZone), endsAt: zonedIso(v.date, v.end, timeZone), roomId: v.roomId || undefined },
        }),
      ),
    onSuccess: async () => {
      setProblem(undefined);
      await client.invalidateQueries({ queryKey: ['session', session.id] });
      await client.invalidateQueries({ queryKey: ['program', session.programId] });
    },
    onError: (error) => {
      const p = problemOf(error);
      if (p?.errors) p.errors = p.errors.map((e) => ({ ...e, field: e.field === 'startsAt' ? 'date' : e.field === 'endsAt' ? 'end' : e.field }));
      setProblem(applyProblem(error, ['date', 'start', 'end', 'roomId'], form.setError, consoleFieldWords(t)));
    },
  });
  const conflict = problem as (Problem & { conflictingStartsAt?: string | null; conflictingProgramTitle?: string | null }) | undefined;
  const conflictValues = conflict && {
    at: conflict.conflictingStartsAt ? formatDateTime(conflict.conflictingStartsAt, timeZone, i18n.language) : '',
    title: conflict.conflictingProgramTitle ?? '',
  };
  const err = (name: keyof MoveValues) => form.formState.errors[name]?.message;
  return (
    <section aria-labelledby="move-heading">
      <h2 id="move-heading">{t('coordinator.session.move')}</h2>
      <form noValidate onSubmit={form.handleSubmit((v) => move.mutate(v))}>
        <ProblemMessage words="coordinator" problem={problem} values={conflictValues} />
        <div className="two-up">
          <Field label={t('coordinator.session.date')} type="date" error={err('date')} {...form.register('date', { required: t('coordinator.form.required') })} />
          <Field label={t('coordinator.session.start', { zone: timeZone })} type="time" error={err('start')} {...form.register('start', { required: t('coordinator.form.required') })} />
          <Field label={t('coordinator.session.end', { zone: timeZone })} type="time" error={err('end')} {...form.register('end', { required: t('coordinator.form.required') })} />
          <SelectField label={t('coordinator.series.room')} error={err('roomId')} {...form.register('roomId')}>
            <option value="">{t('coordinator.series.noRoom')}</option>
            {rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {room.name}
              </option>
            ))}
          </SelectField>
        </div>
        {session.seriesId && <Scope register={form.register('scope')} idPrefix="move" />}
        <button type="submit" className="button button--secondary" disabled={move.isPending}>
          {t('coordinator.session.moveSubmit')}
        </button>
        {move.isSuccess && (
          <p role="status" className="alert alert--ok">
            {t('coordinator.session.moved', { count: move.data.length })}
          </p>
        )}
      </form>
    </section>
  );
}

function Scope({ register, idPrefix }: { register: ReturnType<ReturnType<typeof useForm<{ scope: 'this' | 'following' }>>['register']>; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('coordinator.session.scope')}</legend>
      <div className="check">
        <input id={`${idPrefix}-scope-this`} type="radio" value="this" {...register} />
        <label htmlFor={`${idPrefix}-scope-this`}>{t('coordinator.session.scopeThis')}</label>
      </div>
      <div className="check">
        <input id={`${idPrefix}-scope-following`} type="radio" value="following" {...register} />
        <label htmlFor={`${idPrefix}-scope-following`}>{t('coordinator.session.scopeFollowing')}</label>
      </div>
    </fieldset>
  );
}

function CancelForm({ session }: { session: Session }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const form = useForm<{ reason: string; scope: 'this' | 'following' }>({ defaultValues: { reason: '', scope: 'this' } });
  const cancel = useMutation({
    mutationFn: async (v: { reason: string; scope: 'this' | 'following' }) =>
      unwrap(await api.POST('/v1/sessions/{id}/cancel', { params: { path: { id: session.id }, query: { scope: v.scope } }, body: { reason: v.reason } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['session', session.id] });
      await client.invalidateQueries({ queryKey: ['program', session.programId] });
    },
    onError: (error) => setProblem(applyProblem(error, ['reason'], form.setError, consoleFieldWords(t))),
  });
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('coordinator.session.cancel')}</h2>
      <form noValidate onSubmit={form.handleSubmit((v) => cancel.mutate(v))}>
        <ProblemMessage words="coordinator" problem={problem} />
        <Field label={t('coordinator.session.reason')} error={form.formState.errors.reason?.message} {...form.register('reason', { required: t('coordinator.form.required') })} />
        {session.seriesId && <Scope register={form.register('scope')} idPrefix="cancel" />}
        <button type="submit" className="button button--danger" disabled={cancel.isPending}>
          {t('coordinator.session.cancelSubmit')}
        </button>
      </form>
    </section>
  );
}
