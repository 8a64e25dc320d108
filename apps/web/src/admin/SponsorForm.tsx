import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field } from '../ui/Field';
import { applyProblem } from '../ui/problem';
import { ProblemMessage } from '../ui/ProblemMessage';

type Values = { name: string; website: string; contactName: string; contactEmail: string; logoUrl: string };
const fields = ['name', 'website', 'contactName', 'contactEmail', 'logoUrl'] as const;
const optional = ['website', 'contactName', 'contactEmail', 'logoUrl'] as const;

/** A sponsor's name and contact: a new sponsor, or the changes to one (an emptied field is cleared). */
export function SponsorForm({ sponsor, onSaved }: { sponsor?: Schemas['SponsorDto']; onSaved: (sponsor: Schemas['SponsorDto']) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    defaultValues: {
      name: sponsor?.name ?? '',
      website: sponsor?.website ?? '',
      contactName: sponsor?.contactName ?? '',
      contactEmail: sponsor?.contactEmail ?? '',
      logoUrl: sponsor?.logoUrl ?? '',
    },
  });
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const body = { name: values.name, ...Object.fromEntries(optional.map((name) => [name, values[name].trim() || null])) };
      return sponsor
        ? unwrap(await api.PATCH('/v1/sponsors/{id}', { params: { path: { id: sponsor.id } }, body }))
        : unwrap(await api.POST('/v1/sponsors', { body }));
    },
    onSuccess: (saved) => {
      setProblem(undefined);
      if (!sponsor) reset();
      onSaved(saved);
    },
    onError: (error) => setProblem(applyProblem(error, fields, setError)),
  });
  const err = (name: keyof Values) => formState.errors[name]?.message;
  return (
    <form noValidate onSubmit={handleSubmit((values) => save.mutate(values))}>
      <ProblemMessage words="admin" problem={problem} />
      <Field label={t('admin.sponsors.name')} autoComplete="off" error={err('name')} {...register('name', { required: t('form.required') })} />
      <Field label={t('admin.sponsors.website')} type="url" autoComplete="off" hint={t('admin.sponsors.urlHint')} error={err('website')} {...register('website')} />
      <Field label={t('admin.sponsors.contactName')} autoComplete="off" error={err('contactName')} {...register('contactName')} />
      <Field label={t('admin.sponsors.contactEmail')} type="email" autoComplete="off" error={err('contactEmail')} {...register('contactEmail')} />
      <Field label={t('admin.sponsors.logoUrl')} type="url" autoComplete="off" error={err('logoUrl')} {...register('logoUrl')} />
      <button type="submit" className="button" disabled={save.isPending}>
        {t(sponsor ? 'admin.save' : 'admin.sponsors.create')}
      </button>
      {save.isSuccess && sponsor && (
        <p role="status" className="meta">
          {t('admin.saved')}
        </p>
      )}
    </form>
  );
}
