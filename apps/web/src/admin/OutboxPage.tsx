import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { SelectField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { formatDateTime } from '../ui/time';
import { Pager, useCursorPages } from './shared';
import { TableWrap } from '../ui/TableWrap';
import { ProblemMessage } from '../ui/ProblemMessage';

type Status = Schemas['OutboxMessageDto']['status'];
export const OUTBOX_STATUSES: readonly Status[] = ['failed', 'pending', 'sent', 'skipped'];

export default function OutboxPage() {
  return (
    <RequireSignIn roles={['admin']}>
      <Outbox />
    </RequireSignIn>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'failed') as Status;
  const pages = useCursorPages(status);
  // Kept here, not in the list: retrying the last failed message empties the list, and the news must stay.
  const [retried, setRetried] = useState<string>();
  const messages = useQuery({
    queryKey: ['outbox', status, pages.cursor],
    queryFn: async () => unwrap(await api.GET('/v1/admin/outbox', { params: { query: { status, cursor: pages.cursor, limit: 25 } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <section>
      <h1>{t('admin.outbox.title')}</h1>
      <p className="lead">{t('admin.outbox.intro')}</p>
      <form className="toolbar" aria-label={t('admin.outbox.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField label={t('admin.outbox.status')} value={status} onChange={(event) => {
            setRetried(undefined);
            setParams({ status: event.target.value }, { replace: true });
          }}>
          {OUTBOX_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`admin.outbox.statuses.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>
      {retried && (
        <p role="status" className="alert alert--ok">
          {retried}
        </p>
      )}
      {messages.isPending && <Loading />}
      <ProblemMessage words="admin" problem={problemOf(messages.error)} />
      {messages.data && messages.data.items.length === 0 && <p role="status">{t(`admin.outbox.none.${status}`)}</p>}
      {messages.data && messages.data.items.length > 0 && <Messages messages={messages.data.items} onRetried={setRetried} />}
      <Pager pages={pages} nextCursor={messages.data?.nextCursor} />
    </section>
  );
}

function Messages({ messages, onRetried }: { messages: Schemas['OutboxMessageDto'][]; onRetried: (news: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const retry = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/v1/admin/outbox/{id}/retry', { params: { path: { id } } })),
    onSuccess: async (message) => {
      setProblem(undefined);
      onRetried(t('admin.outbox.retried', { what: what(message.topic) }));
      await client.invalidateQueries({ queryKey: ['outbox'] });
    },
    onError: (error) => setProblem(problemOf(error)),
  });
  // Our own zone, named: a message belongs to no one branch.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const what = (topic: string) => (i18n.exists(`admin.outbox.topics.${topic}`) ? t(`admin.outbox.topics.${topic}`) : topic);
  return (
    <>
      <ProblemMessage words="admin" problem={problem} />
      <TableWrap label={t('admin.outbox.caption')}>
        <table className="table admin-table">
          <caption>{t('admin.outbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.outbox.what')}</th>
              <th scope="col">{t('admin.outbox.statusColumn')}</th>
              <th scope="col">{t('admin.outbox.when')}</th>
              <th scope="col">{t('admin.outbox.why')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <th scope="row">{what(message.topic)}</th>
                <td>{t(`admin.outbox.states.${message.status}`)}</td>
                <td>{formatDateTime(message.createdAt, zone, i18n.language)}</td>
                <td>
                  {message.status === 'failed' && <p className="field__error">{t('admin.outbox.tries', { count: message.attempts })}</p>}
                  {message.lastError ? <p>{t('admin.outbox.lastError', { error: message.lastError })}</p> : message.status !== 'failed' && '—'}
                </td>
                <td>
                  {message.status === 'failed' && (
                    <button type="button" className="button" disabled={retry.isPending} onClick={() => retry.mutate(message.id)}>
                      {t('admin.outbox.retry', { what: what(message.topic) })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
