import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field, SelectField } from '../ui/Field';
import { applyProblem } from '../ui/problem';
import { timeZones } from './shared';
import { ProblemMessage } from '../ui/ProblemMessage';

type Values = { name: string; address: string; timezone: string };
const fields = ['name', 'address', 'timezone'] as const;

/** A branch's name, address and time zone: a new branch, or the changes to one (an empty address clears it). */
export function BranchForm({ branch, onSaved }: { branch?: Schemas['BranchDto']; onSaved: (branch: Schemas['BranchDto']) => void }) {
  const { t } = useTranslation();
  const zones = useMemo(timeZones, []);
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    defaultValues: { name: branch?.name ?? '', address: branch?.address ?? '', timezone: branch?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone },
  });
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const body = { name: values.name, address: values.address.trim() || null, timezone: values.timezone };
      return branch
        ? unwrap(await api.PATCH('/v1/branches/{id}', { params: { path: { id: branch.id } }, body }))
        : unwrap(await api.POST('/v1/branches', { body }));
    },
    onSuccess: (saved) => {
      setProblem(undefined);
      if (!branch) reset();
      onSaved(saved);
    },
    onError: (error) => setProblem(applyProblem(error, fields, setError)),
  });
  const err = (name: keyof Values) => formState.errors[name]?.message;
  return (
    <form noValidate onSubmit={handleSubmit((values) => save.mutate(values))}>
      <ProblemMessage words="admin" problem={problem} />
      <Field label={t('admin.branches.name')} autoComplete="off" error={err('name')} {...register('name', { required: t('form.required') })} />
      <Field label={t('admin.branches.address')} autoComplete="off" error={err('address')} {...register('address')} />
      <SelectField label={t('admin.branches.timezone')} error={err('timezone')} {...register('timezone', { required: t('form.required') })}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={save.isPending}>
        {t(branch ? 'admin.save' : 'admin.branches.create')}
      </button>
      {save.isSuccess && branch && (
        <p role="status" className="meta">
          {t('admin.saved')}
        </p>
      )}
    </form>
  );
}
