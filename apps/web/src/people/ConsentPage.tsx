import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiProblem, unwrap, type Problem } from '../api/client';
import { Field } from '../ui/Field';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { applyProblem, problemOf } from '../ui/problem';
import { formatLocalDateTime } from '../ui/time';

type Values = { guardianName: string; mediaConsent: boolean };

/** The page a guardian reaches from the consent mail: in the guardian's language, plain words, grant or decline. */
export default function ConsentPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const request = useQuery({
    queryKey: ['consent', token],
    queryFn: async () => unwrap(await api.GET('/v1/consents/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const language = request.data?.language;
  useEffect(() => {
    if (language && language !== i18n.language) void i18n.changeLanguage(language);
  }, [language]); // eslint-disable-line react-hooks/exhaustive-deps
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, formState, reset } = useForm<Values>();
  useEffect(() => {
    if (request.data) reset({ guardianName: request.data.guardianName, mediaConsent: false });
  }, [request.data, reset]);
  const answer = useMutation({
    mutationFn: async (body: Values & { accept: boolean }) => unwrap(await api.POST('/v1/consents/{token}', { params: { path: { token } }, body })),
    onError: (error) => setProblem(applyProblem(error, ['guardianName', 'mediaConsent'], setError)),
  });

  if (request.isPending) return <Loading />;
  const gone = request.error instanceof ApiProblem && [404, 410].includes(request.error.problem.status);
  if (gone || (answer.error instanceof ApiProblem && answer.error.problem.status === 410))
    return (
      <section className="narrow">
        <h1>{t('consent.gone.title')}</h1>
        <p>{t('consent.gone.body')}</p>
      </section>
    );
  if (request.isError) return <ProblemMessage problem={problemOf(request.error)} />;
  const r = request.data;
  if (answer.isSuccess)
    return (
      <section className="narrow">
        <h1>{answer.data.consentStatus === 'granted' ? t('consent.done.granted') : t('consent.done.declined')}</h1>
        <p>{t('consent.done.body')}</p>
      </section>
    );
  return (
    <section className="narrow">
      <h1>{t('consent.title', { teen: r.teenFirstName })}</h1>
      <p>{t('consent.hello', { guardian: r.guardianName })}</p>
      <p>{t('consent.what', { teen: r.teenFirstName })}</p>
      <h2>{t('consent.dataTitle')}</h2>
      <ul>
        <li>{t('consent.dataKept', { teen: r.teenFirstName })}</li>
        <li>{t('consent.whoSees', { teen: r.teenFirstName })}</li>
        <li>{t('consent.sponsors', { teen: r.teenFirstName })}</li>
        <li>{t('consent.revoke')}</li>
      </ul>
      <p className="hint">{t('consent.expires', { when: formatLocalDateTime(r.expiresAt, i18n.language) })}</p>
      <ProblemMessage problem={problem} />
      <form noValidate onSubmit={handleSubmit((values) => answer.mutate({ ...values, accept: true }))}>
        <Field label={t('consent.yourName')} autoComplete="name" error={formState.errors.guardianName?.message} {...register('guardianName', { required: t('form.required') })} />
        <div className="check">
          <input id="media-consent" type="checkbox" {...register('mediaConsent')} />
          <label htmlFor="media-consent">{t('consent.media', { teen: r.teenFirstName })}</label>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={answer.isPending}>
            {t('consent.grant')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={answer.isPending}
            onClick={handleSubmit((values) => answer.mutate({ ...values, mediaConsent: false, accept: false }))}
          >
            {t('consent.decline')}
          </button>
        </div>
      </form>
    </section>
  );
}
