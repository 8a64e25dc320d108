import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem, type Schemas, unwrap } from '../api/client';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';
import { formatDateTime } from '../ui/time';
import { Pipeline } from './Pipeline';
import { PostingForm } from './PostingForm';
import { useSponsorChoice } from './sponsor-choice';
import './sponsor.css';

type Internship = Schemas['InternshipDto'];

export default function InternshipsPage() {
  return (
    <RequireSignIn roles={['sponsor', 'admin']}>
      <Internships />
    </RequireSignIn>
  );
}

/** A posting has no branch: its times are shown in the reader's own zone, named. */
export const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function Internships() {
  const { t } = useTranslation();
  const { sponsorId, picker } = useSponsorChoice();
  const [creating, setCreating] = useState(false);
  const postings = useQuery({
    queryKey: ['sponsor-internships', sponsorId],
    queryFn: async () => unwrap(await api.GET('/v1/internships', { params: { query: { sponsorId: sponsorId!, limit: 100 } } })).items,
    enabled: !!sponsorId,
  });
  return (
    <section>
      <h1>{t('sponsor.internships.title')}</h1>
      <p className="lead">{t('sponsor.internships.intro')}</p>
      {picker}
      {sponsorId && !creating && (
        <button type="button" className="button" onClick={() => setCreating(true)}>
          {t('sponsor.internships.new')}
        </button>
      )}
      {sponsorId && creating && <PostingForm sponsorId={sponsorId} onDone={() => setCreating(false)} />}
      {postings.isPending && sponsorId && <Loading />}
      <ProblemMessage problem={problemOf(postings.error)} />
      {postings.isSuccess && postings.data.length === 0 && <p>{t('sponsor.internships.none')}</p>}
      {postings.data?.map((posting) => <Posting key={posting.id} posting={posting} />)}
    </section>
  );
}

function Posting({ posting }: { posting: Internship }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const step = useMutation({
    mutationFn: async (to: 'open' | 'close') =>
      unwrap(to === 'open' ? await api.POST('/v1/internships/{id}/open', { params: { path: { id: posting.id } } }) : await api.POST('/v1/internships/{id}/close', { params: { path: { id: posting.id } } })),
    onSuccess: async () => {
      setProblem(undefined);
      await client.invalidateQueries({ queryKey: ['sponsor-internships'] });
    },
    onError: (error) => setProblem(problemOf(error)),
  });
  const when = (iso: string) => formatDateTime(iso, zone(), i18n.language);
  const headingId = `posting-${posting.id}`;
  return (
    <article className="card posting" aria-labelledby={headingId}>
      <h2 id={headingId}>{posting.title}</h2>
      <p>
        <span className={`badge ${posting.status === 'open' ? 'badge--ok' : posting.status === 'draft' ? 'badge--warn' : 'badge--full'}`}>
          {t(`sponsor.internships.status.${posting.status}`)}
        </span>
      </p>
      <p className="meta">
        {posting.remote ? t('sponsor.internships.remote') : posting.location} · {t('sponsor.internships.slotsTaken', { offered: posting.offeredCount, slots: posting.slots })}
      </p>
      <p className="meta">{t('sponsor.internships.window', { opens: when(posting.opensAt), closes: when(posting.closesAt) })}</p>
      <ProblemMessage problem={problem} />
      {editing ? (
        <PostingForm posting={posting} onDone={() => setEditing(false)} />
      ) : (
        <div className="actions">
          {posting.status !== 'closed' && (
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t('sponsor.internships.edit', { title: posting.title })}
            </button>
          )}
          {posting.status === 'draft' && (
            <button type="button" className="button" disabled={step.isPending} onClick={() => step.mutate('open')}>
              {t('sponsor.internships.open', { title: posting.title })}
            </button>
          )}
          {posting.status !== 'closed' && (
            <button type="button" className="button button--secondary" disabled={step.isPending} onClick={() => step.mutate('close')}>
              {t('sponsor.internships.close', { title: posting.title })}
            </button>
          )}
        </div>
      )}
      <Pipeline internshipId={posting.id} title={posting.title} />
    </article>
  );
}
