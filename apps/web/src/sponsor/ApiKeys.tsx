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
import { TableWrap } from './TableWrap';

type Key = Schemas['ApiKeyDto'];
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The sponsor's API keys for its machines: create (the key shown once), list, revoke, replace. */
export function ApiKeys({ sponsorId }: { sponsorId: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [created, setCreated] = useState<Schemas['CreatedApiKeyDto']>();
  const [problem, setProblem] = useState<Problem>();
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
    onSuccess: refresh,
    onError: (error) => setProblem(problemOf(error)),
  });
  // Replacing is a new key under the same name, then the old one revoked: machines switch to the new key.
  const replace = useMutation({
    mutationFn: async (old: Key) => {
      const key = unwrap(await api.POST('/v1/sponsors/{sponsorId}/api-keys', { params: { path: { sponsorId } }, body: { name: old.name } }));
      setCreated(key);
      unwrap(await api.DELETE('/v1/sponsors/{sponsorId}/api-keys/{keyId}', { params: { path: { sponsorId, keyId: old.id } } }));
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
        <TableWrap label={t('sponsor.keys.caption')}>
          <table className="table">
            <caption>{t('sponsor.keys.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sponsor.keys.name')}</th>
                <th scope="col">{t('sponsor.keys.prefix')}</th>
                <th scope="col">{t('sponsor.keys.created')}</th>
                <th scope="col">{t('sponsor.keys.lastUsed')}</th>
                <th scope="col">{t('sponsor.keys.state')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id}>
                  <th scope="row">{key.name}</th>
                  <td className="secret">{key.prefix}</td>
                  <td>{when(key.createdAt)}</td>
                  <td>{when(key.lastUsedAt)}</td>
                  <td>
                    {key.revokedAt ? (
                      t('sponsor.keys.revokedAt', { when: when(key.revokedAt) })
                    ) : (
                      <div className="actions">
                        <button type="button" className="button button--secondary" disabled={replace.isPending} onClick={() => replace.mutate(key)}>
                          {t('sponsor.keys.replace', { name: key.name, prefix: key.prefix })}
                        </button>
                        <button type="button" className="button button--danger" disabled={revoke.isPending} onClick={() => revoke.mutate(key.id)}>
                          {t('sponsor.keys.revoke', { name: key.name, prefix: key.prefix })}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
