import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useMe } from '../people/session';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ApiKeys } from './ApiKeys';
import { Webhooks } from './Webhooks';
import './sponsor.css';

export default function IntegrationsPage() {
  return (
    <RequireSignIn roles={['sponsor', 'admin']}>
      <Integrations />
    </RequireSignIn>
  );
}

/** The sponsor's nav entry: its own integrations page. */
export function OwnIntegrations() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  return me.data?.sponsorId ? <Navigate replace to={`/sponsors/${me.data.sponsorId}/integrations`} /> : <IntegrationsPage />;
}

function Integrations() {
  const { t } = useTranslation();
  const { sponsorId = '' } = useParams();
  const me = useMe();
  const sponsor = useQuery({
    queryKey: ['sponsor', sponsorId],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors/{id}', { params: { path: { id: sponsorId } } })),
  });
  // A sponsor user manages its own company only (the API answers 404 for another's).
  if (me.data?.role === 'sponsor' && me.data.sponsorId !== sponsorId)
    return (
      <section>
        <h1>{t('auth.forbidden.title')}</h1>
        <p>{t('auth.forbidden.body')}</p>
      </section>
    );
  return (
    <section>
      <h1>{sponsor.data ? t('sponsor.integrations.titleOf', { name: sponsor.data.name }) : t('sponsor.integrations.title')}</h1>
      <p className="lead">{t('sponsor.integrations.intro')}</p>
      <ApiKeys sponsorId={sponsorId} />
      <Webhooks sponsorId={sponsorId} />
    </section>
  );
}
