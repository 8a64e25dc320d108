import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap, type Problem } from '../api/client';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { homeOf } from '../ui/nav';
import { applyProblem } from '../ui/problem';

type Values = { email: string; password: string };

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, formState } = useForm<Values>();
  const signIn = useMutation({
    mutationFn: async (body: Values) => unwrap(await api.POST('/v1/auth/session', { body })),
    onSuccess: async ({ user }) => {
      client.setQueryData(['me'], user);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(user.role));
    },
    onError: (error) => setProblem(applyProblem(error, ['email', 'password'], setError)),
  });
  const required = { required: t('form.required') };
  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      {params.get('signedOut') === 'everywhere' && (
        <p role="status" className="alert alert--ok">
          {t('signIn.signedOutEverywhere')}
        </p>
      )}
      <ProblemMessage problem={problem} />
      <form noValidate onSubmit={handleSubmit((values) => signIn.mutate(values))}>
        <Field label={t('signUp.email')} type="email" autoComplete="email" error={formState.errors.email?.message} {...register('email', required)} />
        <Field
          label={t('signUp.password')}
          type="password"
          autoComplete="current-password"
          error={formState.errors.password?.message}
          {...register('password', required)}
        />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        {t('signIn.noAccount')} <Link to="/sign-up">{t('nav.signUp')}</Link>
      </p>
    </section>
  );
}
