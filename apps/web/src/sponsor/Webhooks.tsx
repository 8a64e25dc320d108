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
import { TableWrap } from '../ui/TableWrap';
import { Confirm } from '../ui/Confirm';

type Event = Schemas['CreateWebhookDto']['events'][number];
type Webhook = Schemas['WebhookDto'];
/** Every event the API sends, each with its words (the type fails the build when the API adds one). */
const EVENTS: Record<Event, string> = {
  'application.submitted': 'sponsor.webhooks.events.submitted',
  'application.status_changed': 'sponsor.webhooks.events.statusChanged',
  'sponsorship.report_ready': 'sponsor.webhooks.events.reportReady',
};
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The sponsor's webhook endpoints: register (the signing secret shown once), see each one's deliveries, give it a new secret, remove. */
export function Webhooks({ sponsorId }: { sponsorId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [created, setCreated] = useState<Schemas['CreatedWebhookDto']>();
  const [problem, setProblem] = useState<Problem>();
  const hooks = useQuery({
    queryKey: ['webhooks', sponsorId],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors/{id}/webhooks', { params: { path: { id: sponsorId } } })),
  });
  const { register, handleSubmit, setError, reset, formState } = useForm<{ url: string; events: Event[] }>({ defaultValues: { url: '', events: [] } });
  const create = useMutation({
    mutationFn: async (body: { url: string; events: Event[] }) => unwrap(await api.POST('/v1/sponsors/{id}/webhooks', { params: { path: { id: sponsorId } }, body })),
    onSuccess: async (hook) => {
      setCreated(hook);
      setProblem(undefined);
      reset();
      await client.invalidateQueries({ queryKey: ['webhooks', sponsorId] });
    },
    onError: (error) => setProblem(applyProblem(error, ['url', 'events'], setError)),
  });
  return (
    <section aria-labelledby="webhooks">
      <h2 id="webhooks">{t('sponsor.webhooks.title')}</h2>
      <p>{t('sponsor.webhooks.intro')}</p>
      {created && <SecretOnce label={t('sponsor.webhooks.secretLabel', { url: created.url })} secret={created.secret} onDismiss={() => setCreated(undefined)} />}
      <form noValidate aria-label={t('sponsor.webhooks.register')} onSubmit={handleSubmit((values) => create.mutate(values))}>
        <ProblemMessage problem={problem} />
        <Field type="url" label={t('sponsor.webhooks.url')} hint={t('sponsor.webhooks.urlHint')} error={formState.errors.url?.message} {...register('url', { required: t('form.required') })} />
        <fieldset aria-describedby={formState.errors.events ? 'webhook-events-error' : undefined}>
          <legend>{t('sponsor.webhooks.eventsLabel')}</legend>
          <div className="events">
            {(Object.keys(EVENTS) as Event[]).map((event) => (
              <div className="check" key={event}>
                <input id={`event-${event}`} type="checkbox" value={event} {...register('events', { validate: (v) => v.length > 0 || t('sponsor.webhooks.pickOne') })} />
                <label htmlFor={`event-${event}`}>{t(EVENTS[event])}</label>
              </div>
            ))}
          </div>
          {formState.errors.events && (
            <p className="field__error" id="webhook-events-error">
              {formState.errors.events.message}
            </p>
          )}
        </fieldset>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('sponsor.webhooks.register')}
        </button>
      </form>
      {hooks.isPending && <Loading />}
      {hooks.isSuccess && hooks.data.length === 0 && <p>{t('sponsor.webhooks.none')}</p>}
      {hooks.data?.map((hook) => <Endpoint key={hook.id} sponsorId={sponsorId} hook={hook} />)}
    </section>
  );
}

function Endpoint({ sponsorId, hook }: { sponsorId: string; hook: Webhook }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<'remove' | 'rotate'>();
  const [rotated, setRotated] = useState<Schemas['CreatedWebhookDto']>();
  const rotate = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/sponsors/{id}/webhooks/{webhookId}/rotate-secret', { params: { path: { id: sponsorId, webhookId: hook.id } } })),
    onSuccess: (answer) => {
      setConfirming(undefined);
      setRotated(answer);
    },
  });
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/v1/sponsors/{id}/webhooks/{webhookId}', { params: { path: { id: sponsorId, webhookId: hook.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhooks', sponsorId] }),
  });
  const deliveries = useQuery({
    queryKey: ['deliveries', hook.id],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors/{id}/webhooks/{webhookId}/deliveries', { params: { path: { id: sponsorId, webhookId: hook.id }, query: { limit: 50 } } })).items,
    enabled: open,
  });
  return (
    <article className="card" aria-label={hook.url}>
      <h3 className="secret">{hook.url}</h3>
      <p className="meta">
        {hook.events.map((event) => t(EVENTS[event])).join(', ')} · {t('sponsor.webhooks.since', { when: formatDateTime(hook.createdAt, zone(), i18n.language) })}
      </p>
      {rotated && <SecretOnce label={t('sponsor.webhooks.secretLabel', { url: hook.url })} secret={rotated.secret} onDismiss={() => setRotated(undefined)} />}
      <ProblemMessage problem={problemOf(remove.error ?? rotate.error)} />
      <div className="actions">
        <button type="button" className="button button--secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('sponsor.webhooks.deliveries', { url: hook.url })}
        </button>
        {!confirming && (
          <>
            <button type="button" className="button button--secondary" onClick={() => setConfirming('rotate')}>
              {t('sponsor.webhooks.rotate', { url: hook.url })}
            </button>
            <button type="button" className="button button--danger" onClick={() => setConfirming('remove')}>
              {t('sponsor.webhooks.remove', { url: hook.url })}
            </button>
          </>
        )}
      </div>
      {confirming === 'rotate' && (
        <Confirm
          question={t('sponsor.webhooks.rotateConfirm', { url: hook.url })}
          yes={t('sponsor.webhooks.rotateYes')}
          no={t('common.cancel')}
          danger={false}
          busy={rotate.isPending}
          onYes={() => rotate.mutate()}
          onNo={() => setConfirming(undefined)}
        />
      )}
      {confirming === 'remove' && (
        <Confirm
          question={t('sponsor.webhooks.removeConfirm', { url: hook.url })}
          yes={t('sponsor.webhooks.removeYes')}
          no={t('common.cancel')}
          busy={remove.isPending}
          onYes={() => remove.mutate()}
          onNo={() => setConfirming(undefined)}
        />
      )}
      {open && deliveries.isPending && <Loading />}
      {open && deliveries.isSuccess && deliveries.data.length === 0 && <p>{t('sponsor.webhooks.noDeliveries')}</p>}
      {open && deliveries.isSuccess && deliveries.data.length > 0 && (
        <TableWrap label={t('sponsor.webhooks.deliveriesCaption')}>
          <table className="table">
            <caption>{t('sponsor.webhooks.deliveriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sponsor.webhooks.when')}</th>
                <th scope="col">{t('sponsor.webhooks.event')}</th>
                <th scope="col">{t('sponsor.webhooks.result')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt, zone(), i18n.language)}</td>
                  <td>{d.event}</td>
                  <td>{d.ok ? t('sponsor.webhooks.delivered', { status: d.responseStatus ?? '' }) : t('sponsor.webhooks.failed', { reason: d.error ?? d.responseStatus ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </article>
  );
}
