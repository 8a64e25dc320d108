import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Problem } from '../api/client';
import { Field, SelectField } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { applyProblem } from '../ui/problem';
import { ageOn } from '../ui/time';
import { useState } from 'react';

/** The age from which a teen signs up without a guardian (the API's default age of majority). */
export const AGE_OF_MAJORITY = 18;

type Values = {
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string;
  password: string;
  guardianName: string;
  guardianEmail: string;
  guardianLanguage: 'en' | 'es';
};
const fields = ['firstName', 'lastName', 'birthDate', 'email', 'password', 'guardianName', 'guardianEmail', 'guardianLanguage'] as const;

export function isMinor(birthDate: string, today = new Date()) {
  return /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && ageOn(birthDate, today) < AGE_OF_MAJORITY;
}

export default function SignUpPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const form = useForm<Values>({ defaultValues: { guardianLanguage: i18n.language === 'es' ? 'es' : 'en' } });
  const { register, handleSubmit, watch, setError, formState } = form;
  const minor = isMinor(watch('birthDate') ?? '');
  const signUp = useMutation({
    mutationFn: async (values: Values) => {
      const { guardianName, guardianEmail, guardianLanguage, ...teen } = values;
      // Only a minor names a guardian, who consents; an adult consents for themself.
      const body = minor ? { ...teen, guardianName, guardianEmail, guardianLanguage } : { ...teen, guardianLanguage };
      const created = unwrap(await api.POST('/v1/auth/signup', { body }));
      unwrap(await api.POST('/v1/auth/session', { body: { email: values.email, password: values.password } }));
      return created;
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['me'] });
      navigate('/me');
    },
    onError: (error) => setProblem(applyProblem(error, fields, setError)),
  });
  const required = { required: t('form.required') };
  const err = (name: keyof Values) => formState.errors[name]?.message;
  return (
    <section className="narrow">
      <h1>{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <ProblemMessage problem={problem} />
      <form noValidate onSubmit={handleSubmit((values) => signUp.mutate(values))}>
        <Field label={t('signUp.firstName')} autoComplete="given-name" error={err('firstName')} {...register('firstName', required)} />
        <Field label={t('signUp.lastName')} autoComplete="family-name" error={err('lastName')} {...register('lastName', required)} />
        <Field label={t('signUp.birthDate')} type="date" autoComplete="bday" error={err('birthDate')} {...register('birthDate', required)} />
        <Field label={t('signUp.email')} type="email" autoComplete="email" error={err('email')} {...register('email', required)} />
        <Field
          label={t('signUp.password')}
          type="password"
          autoComplete="new-password"
          hint={t('signUp.passwordHint')}
          error={err('password')}
          {...register('password', required)}
        />
        {minor && (
          <fieldset>
            <legend>{t('signUp.guardian')}</legend>
            <p className="hint">{t('signUp.guardianWhy')}</p>
            <Field label={t('signUp.guardianName')} autoComplete="off" error={err('guardianName')} {...register('guardianName', required)} />
            <Field label={t('signUp.guardianEmail')} type="email" autoComplete="off" error={err('guardianEmail')} {...register('guardianEmail', required)} />
            <SelectField label={t('signUp.guardianLanguage')} error={err('guardianLanguage')} {...register('guardianLanguage')}>
              <option value="en" lang="en">
                {t('languages.en', { lng: 'en' })}
              </option>
              <option value="es" lang="es">
                {t('languages.es', { lng: 'es' })}
              </option>
            </SelectField>
          </fieldset>
        )}
        <button type="submit" className="button" disabled={signUp.isPending}>
          {t('signUp.submit')}
        </button>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </section>
  );
}
