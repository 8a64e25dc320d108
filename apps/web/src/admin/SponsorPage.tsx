import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { SponsorForm } from './SponsorForm';
import { Sponsorships } from './Sponsorships';
import { ProblemMessage } from '../ui/ProblemMessage';

export default function SponsorPage() {
  return (
    <RequireSignIn roles={['admin']}>
      <Sponsor />
    </RequireSignIn>
  );
}

function Sponsor() {
  const { t } = useTranslation();
  const { sponsorId = '' } = useParams();
  const client = useQueryClient();
  const sponsor = useQuery({
    queryKey: ['sponsors', 'one', sponsorId],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors/{id}', { params: { path: { id: sponsorId } } })),
  });
  if (sponsor.isPending) return <Loading />;
  if (!sponsor.data) return <ProblemMessage words="admin" problem={problemOf(sponsor.error)} />;
  return (
    <section>
      <p>
        <Link to="/admin/sponsors">{t('admin.sponsors.back')}</Link>
      </p>
      <h1>{sponsor.data.name}</h1>
      <p>
        <Link to={`/sponsors/${sponsor.data.id}/integrations`}>{t('admin.sponsors.integrationsOf', { name: sponsor.data.name })}</Link>
      </p>
      <section className="card" aria-labelledby="sponsor-details-title">
        <h2 id="sponsor-details-title">{t('admin.sponsors.details')}</h2>
        <SponsorForm key={sponsor.data.id} sponsor={sponsor.data} onSaved={() => client.invalidateQueries({ queryKey: ['sponsors'] })} />
      </section>
      <Sponsorships sponsorId={sponsor.data.id} />
    </section>
  );
}
