import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field, SelectField } from '../ui/Field';
import { formatDate, formatTimeRange } from '../ui/time';
import { useRooms } from './queries';
import { WEEKDAYS, type Weekday, weekdayName, weeklyRule } from './rrule';
import { ProblemMessage } from '../ui/ProblemMessage';
import { consoleFieldWords } from './problems';
import { applyProblem } from '../ui/problem';

type Values = {
  days: Weekday[];
  startTime: string;
  durationMinutes: string;
  roomId: string;
  ends: 'program' | 'until' | 'count';
  until: string;
  count: string;
};
const fields = ['days', 'startTime', 'durationMinutes', 'roomId', 'until', 'count'] as const;
type Body = Schemas['CreateSeriesDto'];

function bodyOf(v: Values): Body {
  return {
    rrule: weeklyRule(v.days),
    startTime: v.startTime,
    durationMinutes: Number(v.durationMinutes),
    ...(v.roomId ? { roomId: v.roomId } : {}),
    ...(v.ends === 'until' ? { until: v.until } : {}),
    ...(v.ends === 'count' ? { count: Number(v.count) } : {}),
  };
}

/** A skipped date's reason in words: the API's reasons are fixed phrases (a closure carries its own reason). */
export function useSkipReason() {
  const { t } = useTranslation();
  return (reason: string) => {
    if (reason.startsWith('branch closed: ')) return t('coordinator.series.closed', { reason: reason.slice('branch closed: '.length) });
    if (reason === 'room already booked') return t('coordinator.series.roomTaken');
    if (reason === 'outside the program') return t('coordinator.series.outside');
    return reason;
  };
}

/**
 * A weekly series from a form (weekdays, start, duration, room, until a date or for a number of sessions), its
 * dates previewed by the API's dry run — the save's own code, rolled back — with the skipped ones marked; then saved.
 */
export function SeriesForm({ program, timeZone }: { program: Schemas['ProgramDto']; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const rooms = useRooms(program.branchId);
  const skipReason = useSkipReason();
  const [problem, setProblem] = useState<Problem>();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<Values>({ defaultValues: { days: [], startTime: '16:00', durationMinutes: '90', roomId: '', ends: 'program', until: program.endsOn, count: '10' } });
  const { register, handleSubmit, watch, setError, formState, clearErrors } = form;
  const onError = (error: unknown) => setProblem(applyProblem(error, fields, setError, consoleFieldWords(t)));
  const preview = useMutation({
    mutationFn: async (v: Values) => unwrap(await api.POST('/v1/programs/{id}/series/preview', { params: { path: { id: program.id } }, body: bodyOf(v) })),
    onError,
  });
  const save = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(
        await api.POST('/v1/programs/{id}/series', {
          params: { path: { id: program.id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: bodyOf(v),
        }),
      ),
    onSuccess: async () => {
      setIdempotencyKey(crypto.randomUUID());
      preview.reset();
      await client.invalidateQueries({ queryKey: ['program', program.id] });
    },
    onError,
  });
  // A preview holds for the values it was made from only.
  useEffect(() => {
    const subscription = watch(() => {
      preview.reset();
      save.reset();
      setProblem(undefined);
    });
    return () => subscription.unsubscribe();
  }, [watch, preview, save]);
  const ends = watch('ends');
  const days = watch('days');
  const err = (name: keyof Values) => formState.errors[name]?.message;
  const submitPreview = handleSubmit((v) => {
    clearErrors();
    if (!v.days.length) return setError('days', { type: 'required', message: t('coordinator.series.pickDay') });
    preview.mutate(v);
  });
  const items = preview.data
    ? [
        ...preview.data.sessions.map((s) => ({ key: s.startsAt, date: s.startsAt, text: formatTimeRange(s.startsAt, s.endsAt, timeZone, i18n.language), skipped: undefined })),
        ...preview.data.skipped.map((s) => ({ key: s.date, date: `${s.date}T12:00:00Z`, text: formatDate(s.date, i18n.language), skipped: skipReason(s.reason) })),
      ].sort((a, b) => a.date.localeCompare(b.date))
    : [];
  return (
    <section aria-labelledby="series-heading">
      <h2 id="series-heading">{t('coordinator.series.title')}</h2>
      <p className="hint">{t('coordinator.series.intro', { zone: timeZone })}</p>
      <ProblemMessage words="coordinator" problem={problem} />
      <form noValidate onSubmit={submitPreview}>
        <fieldset aria-describedby={err('days') ? 'series-days-error' : undefined}>
          <legend>{t('coordinator.series.days')}</legend>
          <div className="weekdays">
            {WEEKDAYS.map((day) => (
              <div className="check" key={day}>
                <input id={`series-day-${day}`} type="checkbox" value={day} {...register('days')} />
                <label htmlFor={`series-day-${day}`}>{weekdayName(day, i18n.language)}</label>
              </div>
            ))}
          </div>
          {err('days') && (
            <p className="field__error" id="series-days-error">
              {err('days')}
            </p>
          )}
        </fieldset>
        <div className="two-up">
          <Field label={t('coordinator.series.startTime', { zone: timeZone })} type="time" error={err('startTime')} {...register('startTime', { required: t('coordinator.form.required') })} />
          <Field
            label={t('coordinator.series.duration')}
            type="number"
            inputMode="numeric"
            error={err('durationMinutes')}
            {...register('durationMinutes', { required: t('coordinator.form.required') })}
          />
        </div>
        <SelectField label={t('coordinator.series.room')} error={err('roomId')} {...register('roomId')}>
          <option value="">{t('coordinator.series.noRoom')}</option>
          {(rooms.data ?? []).map((room) => (
            <option key={room.id} value={room.id}>
              {t('coordinator.series.roomOption', { name: room.name, seats: room.seats })}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend>{t('coordinator.series.ends')}</legend>
          <div className="check">
            <input id="series-ends-program" type="radio" value="program" {...register('ends')} />
            <label htmlFor="series-ends-program">{t('coordinator.series.endsWithProgram', { date: formatDate(program.endsOn, i18n.language) })}</label>
          </div>
          <div className="check">
            <input id="series-ends-until" type="radio" value="until" {...register('ends')} />
            <label htmlFor="series-ends-until">{t('coordinator.series.endsOn')}</label>
          </div>
          {ends === 'until' && <Field label={t('coordinator.series.until')} type="date" error={err('until')} {...register('until', { required: t('coordinator.form.required') })} />}
          <div className="check">
            <input id="series-ends-count" type="radio" value="count" {...register('ends')} />
            <label htmlFor="series-ends-count">{t('coordinator.series.endsAfter')}</label>
          </div>
          {ends === 'count' && (
            <Field label={t('coordinator.series.count')} type="number" inputMode="numeric" error={err('count')} {...register('count', { required: t('coordinator.form.required') })} />
          )}
        </fieldset>
        <details>
          <summary>{t('coordinator.series.advanced')}</summary>
          <p>
            {t('coordinator.series.rrule')} <code className="rrule">{days.length ? weeklyRule(days) : '—'}</code>
          </p>
        </details>
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={preview.isPending}>
            {t('coordinator.series.preview')}
          </button>
        </div>
      </form>
      {preview.data && (
        <div aria-live="polite">
          <h3>{t('coordinator.series.previewTitle', { count: preview.data.sessions.length, skipped: preview.data.skipped.length })}</h3>
          <ul className="preview" aria-label={t('coordinator.series.previewList')}>
            {items.map((item) => (
              <li key={item.key} className={item.skipped ? 'skipped' : undefined}>
                <span>{item.text}</span>
                {item.skipped && <span className="badge badge--warn">{t('coordinator.series.skipped', { reason: item.skipped })}</span>}
              </li>
            ))}
          </ul>
          <button type="button" className="button" disabled={save.isPending} onClick={handleSubmit((v) => save.mutate(v))}>
            {t('coordinator.series.save', { count: preview.data.sessions.length })}
          </button>
        </div>
      )}
      {save.data && (
        <div role="status" className="alert alert--ok">
          {t('coordinator.series.saved', { count: save.data.created.length, skipped: save.data.skipped.length })}
        </div>
      )}
    </section>
  );
}
