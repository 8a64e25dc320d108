import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field, SelectField } from '../ui/Field';
import { applyProblem } from '../ui/problem';
import { linksFor, RoleLinks, STAFF_ROLES, type RoleLinkValues } from './RoleLinks';
import { temporaryPassword } from './shared';
import { ProblemMessage } from '../ui/ProblemMessage';

type Values = RoleLinkValues & { email: string; displayName: string };
const fields = ['email', 'displayName', 'role', 'branchIds', 'sponsorId'] as const;

/**
 * Invites a staff member: the account is made with a temporary password drawn in this browser and shown once, for
 * the admin to hand over in person or by phone (the API has no invitation mail or set-password link yet).
 */
export function InviteUser() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const [invited, setInvited] = useState<{ user: Schemas['UserDto']; password: string }>();
  const { register, handleSubmit, watch, setError, reset, formState } = useForm<Values>({
    defaultValues: { role: 'coordinator', branchIds: [], sponsorId: '', email: '', displayName: '' },
  });
  const invite = useMutation({
    mutationFn: async (values: Values) => {
      const password = temporaryPassword();
      const body = { email: values.email, displayName: values.displayName, role: values.role, password, ...linksFor(values) };
      return { user: unwrap(await api.POST('/v1/users', { body })), password };
    },
    onSuccess: async (answer) => {
      setProblem(undefined);
      setInvited(answer);
      reset();
      await client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => setProblem(applyProblem(error, fields, setError)),
  });
  const role = watch('role');
  const err = (name: keyof Values) => formState.errors[name]?.message as string | undefined;
  const required = { required: t('form.required') };
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('admin.users.invite.title')}</h2>
      <p className="hint">{t('admin.users.invite.how')}</p>
      {invited && (
        <div className="alert alert--ok" role="status">
          <p>{t('admin.users.invite.done', { name: invited.user.displayName, email: invited.user.email })}</p>
          <Field label={t('admin.users.invite.password')} className="secret" readOnly value={invited.password} onFocus={(event) => event.target.select()} />
          <p>{t('admin.users.invite.once')}</p>
          <button type="button" className="button button--secondary" onClick={() => setInvited(undefined)}>
            {t('admin.users.invite.handedOver')}
          </button>
        </div>
      )}
      <ProblemMessage words="admin" problem={problem} />
      <form noValidate onSubmit={handleSubmit((values) => invite.mutate(values))}>
        <Field label={t('admin.users.email')} type="email" autoComplete="off" error={err('email')} {...register('email', required)} />
        <Field label={t('admin.users.name')} autoComplete="off" error={err('displayName')} {...register('displayName', required)} />
        <SelectField label={t('admin.users.role')} error={err('role')} {...register('role')}>
          {STAFF_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`admin.roles.${value}`)}
            </option>
          ))}
        </SelectField>
        <RoleLinks role={role} register={register} errors={{ branchIds: err('branchIds'), sponsorId: err('sponsorId') }} />
        <button type="submit" className="button" disabled={invite.isPending}>
          {t('admin.users.invite.submit')}
        </button>
      </form>
    </section>
  );
}
