import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, type Problem, type Schemas, unwrap } from '../api/client';
import { Field } from '../ui/Field';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { applyProblem, problemOf } from '../ui/problem';
import { formatDateTime } from '../ui/time';
import { SecretOnce } from './SecretOnce';
import { Confirm } from '../ui/Confirm';

type Key = Schemas['ApiKeyDto'];
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The sponsor's API keys for its machines: create (the key shown once), list, revoke, replace. */
export function ApiKeys({ sponsorId }: { sponsorId: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [created, setCreated] = useState<Schemas['CreatedApiKeyDto']>();
  const [problem, setProblem] = useState<Problem>();
  const [confirming, setConfirming] = useState<string>();
  const keys = useQuery({
    queryKey: ['api-keys', sponsorId],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors/{sponsorId}/api-keys', { params: { path: { sponsorId } } })),
  });
  const { register, handleSubmit, setError, reset, formState } = useForm<{ name: string }>({ defaultValues: { name: '' } });
  const refresh = () => client.invalidateQueries({ queryKey: ['api-keys', sponsorId] });
  const create = useMutation({
    mutationFn: async (body: { name: string }) => unwrap(await api.POST('/v1/sponsors/{sponsorId}/api-keys', { params: { path: { sponsorId } }, body })),
    onSuccess: async (key) => {
      setCreated(key);
      setProblem(undefined);
      reset();
      await refresh();
    },
    onError: (error) => setProblem(applyProblem(error, ['name'], setError)),
  });
  const revoke = useMutation({
    mutationFn: async (keyId: string) => unwrap(await api.DELETE('/v1/sponsors/{sponsorId}/api-keys/{keyId}', { params: { path: { sponsorId, keyId } } })),
    onSuccess: async () => {
      setConfirming(undefined);
      await refresh();
    },
    onError: (error) => setProblem(problemOf(error)),
  });
  // One call: the API revokes the old key and makes the new one (same name) together.
  const replace = useMutation({
    mutationFn: async (old: Key) => unwrap(await api.POST('/v1/sponsors/{sponsorId}/api-keys/{keyId}/rotate', { params: { path: { sponsorId, keyId: old.id } } })),
    onSuccess: (key) => {
      setCreated(key);
      setProblem(undefined);
    },
    onSettled: refresh,
    onError: (error) => setProblem(problemOf(error)),
  });
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, zone(), i18n.language) : t('sponsor.keys.never'));
  return (
    <section aria-labelledby="api-keys">
      <h2 id="api-keys">{t('sponsor.keys.title')}</h2>
      <p>{t('sponsor.keys.intro')}</p>
      {created && <SecretOnce label={t('sponsor.keys.secretLabel', { name: created.name })} secret={created.key} onDismiss={() => setCreated(undefined)} />}
      <ProblemMessage problem={problem} />
      <form noValidate className="toolbar" aria-label={t('sponsor.keys.create')} onSubmit={handleSubmit((values) => create.mutate(values))}>
        <Field label={t('sponsor.keys.name')} error={formState.errors.name?.message} {...register('name', { required: t('form.required') })} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('sponsor.keys.create')}
        </button>
      </form>
      {keys.isPending && <Loading />}
      {keys.isSuccess && keys.data.length === 0 && <p>{t('sponsor.keys.none')}</p>}
      {keys.isSuccess && keys.data.length > 0 && (
        <ul className="keys" aria-label={t('sponsor.keys.caption')}>
          {keys.data.map((key) => (
            <li key={key.id} className="card" aria-label={`${key.name} (${key.prefix})`}>
              <h3>{key.name}</h3>
              <dl className="facts">
                <dt>{t('sponsor.keys.prefix')}</dt>
                <dd className="secret">{key.prefix}</dd>
                <dt>{t('sponsor.keys.created')}</dt>
                <dd>{when(key.createdAt)}</dd>
                <dt>{t('sponsor.keys.lastUsed')}</dt>
                <dd>{when(key.lastUsedAt)}</dd>
                <dt>{t('sponsor.keys.state')}</dt>
                <dd>{key.revokedAt ? t('sponsor.keys.revokedAt', { when: when(key.revokedAt) }) : t('sponsor.keys.active')}</dd>
              </dl>
              {!key.revokedAt && confirming !== key.id && (
                <div className="actions">
                  <button type="button" className="button button--secondary" disabled={replace.isPending} onClick={() => replace.mutate(key)}>
                    {t('sponsor.keys.replace', { name: key.name, prefix: key.prefix })}
                  </button>
                  <button type="button" className="button button--danger" onClick={() => setConfirming(key.id)}>
                    {t('sponsor.keys.revoke', { name: key.name, prefix: key.prefix })}
                  </button>
                </div>
              )}
              {!key.revokedAt && confirming === key.id && (
                <Confirm
                  question={t('sponsor.keys.revokeConfirm', { name: key.name, prefix: key.prefix })}
                  yes={t('sponsor.keys.revokeYes')}
                  no={t('common.cancel')}
                  busy={revoke.isPending}
                  onYes={() => revoke.mutate(key.id)}
                  onNo={() => setConfirming(undefined)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
