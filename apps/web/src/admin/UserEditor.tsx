import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field, SelectField } from '../ui/Field';
import { applyProblem } from '../ui/problem';
import { linksFor, RoleLinks, STAFF_ROLES, type RoleLinkValues, type StaffRole } from './RoleLinks';
import { ProblemMessage } from '../ui/ProblemMessage';

type Values = RoleLinkValues & { displayName: string };
const fields = ['displayName', 'role', 'branchIds', 'sponsorId'] as const;

/** A staff account's name, role and what the role ties it to (a teen's account keeps its role, so only the name). */
export function UserEditor({ user, onDone }: { user: Schemas['UserDto']; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const staff = user.role !== 'participant';
  const { register, handleSubmit, watch, setError, formState } = useForm<Values>({
    defaultValues: { displayName: user.displayName, role: (staff ? user.role : 'mentor') as StaffRole, branchIds: user.branchIds, sponsorId: user.sponsorId ?? '' },
  });
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const body = staff ? { displayName: values.displayName, role: values.role, ...linksFor(values) } : { displayName: values.displayName };
      return unwrap(await api.PATCH('/v1/users/{id}', { params: { path: { id: user.id } }, body }));
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
    onError: (error) => setProblem(applyProblem(error, fields, setError)),
  });
  const err = (name: keyof Values) => formState.errors[name]?.message as string | undefined;
  return (
    <section className="card" aria-labelledby="edit-user-title">
      <h2 id="edit-user-title">{t('admin.users.edit.title', { name: user.displayName })}</h2>
      <p className="meta">{user.email}</p>
      <ProblemMessage words="admin" problem={problem} />
      <form noValidate onSubmit={handleSubmit((values) => save.mutate(values))}>
        <Field label={t('admin.users.name')} autoComplete="off" error={err('displayName')} {...register('displayName', { required: t('form.required') })} />
        {staff && (
          <>
            <SelectField label={t('admin.users.role')} error={err('role')} {...register('role')}>
              {STAFF_ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`admin.roles.${value}`)}
                </option>
              ))}
            </SelectField>
            <RoleLinks role={watch('role')} register={register} errors={{ branchIds: err('branchIds'), sponsorId: err('sponsorId') }} />
          </>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('admin.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
