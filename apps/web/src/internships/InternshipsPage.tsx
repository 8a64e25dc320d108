import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { TextAreaField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { ShowMore, usePagedList } from '../ui/paging';
import { applyProblem, problemOf } from '../ui/problem';
import { formatLocalDateTime } from '../ui/time';

export default function InternshipsPage() {
  return (
    <RequireSignIn>
      <Internships />
    </RequireSignIn>
  );
}

function Internships() {
  const { t } = useTranslation();
  const postings = usePagedList(['internships', 'open'], async (cursor) =>
    unwrap(await api.GET('/v1/internships', { params: { query: { status: 'open', limit: 20, cursor } } })),
  );
  const applications = usePagedList(['my-applications'], async (cursor) =>
    unwrap(await api.GET('/v1/me/applications', { params: { query: { limit: 20, cursor } } })),
  );
  // An application on a page not loaded yet shows no "applied" mark; the API still refuses a second one (409).
  const appliedTo = new Set(applications.items.map((application) => application.internshipId));
  return (
    <section>
      <h1>{t('internships.title')}</h1>
      <p className="lead">{t('internships.intro')}</p>
      {postings.isPending && <Loading />}
      <ProblemMessage problem={problemOf(postings.error)} />
      {postings.isSuccess && postings.items.length === 0 && <p>{t('internships.none')}</p>}
      <div className="cards">
        {postings.items.map((posting) => (
          <Posting key={posting.id} posting={posting} applied={appliedTo.has(posting.id)} />
        ))}
      </div>
      <ShowMore list={postings} label={t('internships.more')} />
      <h2>{t('internships.mine')}</h2>
      {applications.isSuccess && applications.items.length === 0 && <p>{t('internships.noApplications')}</p>}
      <ul className="list">
        {applications.items.map((application) => (
          <li key={application.id}>
            <strong>{application.internshipTitle}</strong> — {t(`applicationStatus.${application.status}`)}
          </li>
        ))}
      </ul>
      <ShowMore list={applications} />
    </section>
  );
}

function Posting({ posting, applied }: { posting: Schemas['InternshipDto']; applied: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const eligibility = posting.eligibility;
  // A rate of 0 asks for no attendance at all: nothing to say about it.
  const minRate = posting.minAttendanceRate ? posting.minAttendanceRate : null;
  return (
    <article className="card" aria-labelledby={`posting-${posting.id}`}>
      <h3 id={`posting-${posting.id}`}>{posting.title}</h3>
      <p className="meta">
        {posting.remote ? t('internships.remote') : posting.location} · {t('internships.slots', { count: posting.slots })}
      </p>
      <p>{posting.description}</p>
      <p>{t('internships.closes', { when: formatLocalDateTime(posting.closesAt, i18n.language) })}</p>
      <h4>{t('internships.eligibility')}</h4>
      <ul>
        {posting.minAge !== null && <li>{t('internships.minAge', { age: posting.minAge })}</li>}
        {minRate !== null && <li>{t('internships.minRate', { rate: new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(minRate) })}</li>}
        {posting.minAge === null && minRate === null && <li>{t('internships.anyone')}</li>}
      </ul>
      {eligibility && (
        <div className={`alert ${eligibility.eligible ? 'alert--ok' : 'alert--warn'}`}>
          <p>{eligibility.eligible ? t('internships.eligible') : t('internships.notEligible')}</p>
          {eligibility.reasons.length > 0 && (
            <ul>
              {eligibility.reasons.map((reason) => (
                <li key={reason.rule}>
                  {t(`internships.reason.${reason.rule}`)} {reason.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {applied ? (
        <p role="status">{t('internships.applied')}</p>
      ) : open ? (
        <ApplyForm internshipId={posting.id} title={posting.title} onDone={() => setOpen(false)} />
      ) : (
        <button type="button" className="button" disabled={eligibility ? !eligibility.eligible : false} onClick={() => setOpen(true)}>
          {t('internships.apply', { title: posting.title })}
        </button>
      )}
    </article>
  );
}

type Values = { statement: string; shareProfile: boolean };

function ApplyForm({ internshipId, title, onDone }: { internshipId: string; title: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, formState } = useForm<Values>({ defaultValues: { statement: '', shareProfile: false } });
  const apply = useMutation({
    mutationFn: async (body: Values) => unwrap(await api.POST('/v1/internships/{id}/applications', { params: { path: { id: internshipId } }, body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['my-applications'] });
      onDone();
    },
    onError: (error) => setProblem(applyProblem(error, ['statement', 'shareProfile'], setError)),
  });
  return (
    <form noValidate onSubmit={handleSubmit((values) => apply.mutate(values))} aria-label={t('internships.applyTo', { title })}>
      <ProblemMessage problem={problem} />
      <TextAreaField
        label={t('internships.statement')}
        hint={t('internships.statementHint')}
        rows={5}
        error={formState.errors.statement?.message}
        {...register('statement', { required: t('form.required') })}
      />
      <div className="check">
        <input id={`share-${internshipId}`} type="checkbox" aria-describedby={`share-${internshipId}-hint`} {...register('shareProfile')} />
        <label htmlFor={`share-${internshipId}`}>{t('internships.share')}</label>
      </div>
      <p className="field__hint" id={`share-${internshipId}-hint`}>
        {t('internships.shareHint')}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={apply.isPending}>
          {t('internships.send')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
