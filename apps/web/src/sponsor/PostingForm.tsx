import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, type Problem, type Schemas, unwrap } from '../api/client';
import { Field, TextAreaField } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { applyProblem } from '../ui/problem';

type Internship = Schemas['InternshipDto'];
type Body = Schemas['CreateInternshipDto'];

/** The form's values: as typed (numbers and dates as text), turned into the API's body on submit. */
interface Values {
  title: string;
  description: string;
  location: string;
  remote: boolean;
  slots: string;
  minAge: string;
  minAttendancePercent: string;
  opensAt: string;
  closesAt: string;
}

const FIELDS = ['title', 'description', 'location', 'remote', 'slots', 'minAge', 'minAttendanceRate', 'opensAt', 'closesAt'] as const;

/** An instant as a datetime-local value in the reader's zone, and back (with its offset, as the API wants). */
const toLocal = (iso: string) => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (local: string) => (local ? new Date(local).toISOString() : '');

function valuesOf(posting?: Internship): Values {
  return {
    title: posting?.title ?? '',
    description: posting?.description ?? '',
    location: posting?.location ?? '',
    remote: posting?.remote ?? false,
    slots: String(posting?.slots ?? 1),
    minAge: posting?.minAge === null || posting?.minAge === undefined ? '' : String(posting.minAge),
    minAttendancePercent: posting?.minAttendanceRate === null || posting?.minAttendanceRate === undefined ? '' : String(Math.round(posting.minAttendanceRate * 100)),
    opensAt: posting ? toLocal(posting.opensAt) : '',
    closesAt: posting ? toLocal(posting.closesAt) : '',
  };
}

function bodyOf(values: Values): Omit<Body, 'sponsorId'> {
  return {
    title: values.title,
    description: values.description,
    location: values.location,
    remote: values.remote,
    slots: Number(values.slots),
    minAge: values.minAge === '' ? null : Number(values.minAge),
    minAttendanceRate: values.minAttendancePercent === '' ? null : Number(values.minAttendancePercent) / 100,
    opensAt: fromLocal(values.opensAt),
    closesAt: fromLocal(values.closesAt),
  };
}

/** Create a posting (a draft) for `sponsorId`, or change `posting`: every field the API takes, its errors by field. */
export function PostingForm({ posting, sponsorId, onDone }: { posting?: Internship; sponsorId?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { register, handleSubmit, setError, formState } = useForm<Values & { minAttendanceRate?: string }>({ defaultValues: valuesOf(posting) });
  const save = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        posting
          ? await api.PATCH('/v1/internships/{id}', { params: { path: { id: posting.id } }, body: bodyOf(values) })
          : await api.POST('/v1/internships', { body: { ...bodyOf(values), ...(sponsorId ? { sponsorId } : {}) } }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['sponsor-internships'] });
      onDone();
    },
    onError: (error) => setProblem(applyProblem(error, FIELDS, setError)),
  });
  const errors = formState.errors;
  const required = { required: t('form.required') };
  const title = posting ? t('sponsor.posting.editTitle', { title: posting.title }) : t('sponsor.posting.newTitle');
  return (
    <form noValidate aria-label={title} onSubmit={handleSubmit((values) => save.mutate(values))}>
      <h3>{title}</h3>
      <ProblemMessage problem={problem} />
      <Field label={t('sponsor.posting.title')} error={errors.title?.message} {...register('title', required)} />
      <TextAreaField label={t('sponsor.posting.description')} rows={4} error={errors.description?.message} {...register('description')} />
      <Field label={t('sponsor.posting.location')} error={errors.location?.message} {...register('location')} />
      <div className="check">
        <input id={`remote-${posting?.id ?? 'new'}`} type="checkbox" {...register('remote')} />
        <label htmlFor={`remote-${posting?.id ?? 'new'}`}>{t('sponsor.posting.remote')}</label>
      </div>
      <Field type="number" min={1} max={1000} inputMode="numeric" label={t('sponsor.posting.slots')} error={errors.slots?.message} {...register('slots', required)} />
      <Field type="number" min={10} max={99} inputMode="numeric" label={t('sponsor.posting.minAge')} hint={t('sponsor.posting.optional')} error={errors.minAge?.message} {...register('minAge')} />
      <Field
        type="number"
        min={0}
        max={100}
        inputMode="numeric"
        label={t('sponsor.posting.minAttendance')}
        hint={t('sponsor.posting.minAttendanceHint')}
        error={errors.minAttendanceRate?.message ?? errors.minAttendancePercent?.message}
        {...register('minAttendancePercent')}
      />
      <Field type="datetime-local" label={t('sponsor.posting.opensAt')} hint={t('sponsor.posting.zone', { zone })} error={errors.opensAt?.message} {...register('opensAt', required)} />
      <Field type="datetime-local" label={t('sponsor.posting.closesAt')} hint={t('sponsor.posting.zone', { zone })} error={errors.closesAt?.message} {...register('closesAt', required)} />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {posting ? t('sponsor.posting.save') : t('sponsor.posting.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
