import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem, type Schemas, unwrap } from '../api/client';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';

type Application = Schemas['ReceivedApplicationDto'];
type Status = Application['status'];

/** The pipeline's order, for grouping: the moves themselves come from the API (`nextStatuses`). */
const ORDER: Status[] = ['submitted', 'shortlisted', 'offered', 'accepted', 'declined', 'rejected', 'withdrawn', 'completed'];

/** A teen is named only where they shared their profile; otherwise the sponsor's pseudonym for them is all it sees. */
export function applicantName(applicant: Schemas['ApplicantDto']): string {
  return applicant.shared && applicant.firstName ? `${applicant.firstName} ${applicant.lastName ?? ''}`.trim() : applicant.pseudonym;
}

/** A posting's applications by status, each offering exactly the moves the API allows the reader from where it stands. */
export function Pipeline({ internshipId, title }: { internshipId: string; title: string }) {
  const { t } = useTranslation();
  const applications = useQuery({
    queryKey: ['sponsor-applications', internshipId],
    queryFn: async () => unwrap(await api.GET('/v1/internships/{id}/applications', { params: { path: { id: internshipId }, query: { limit: 200 } } })).items,
  });
  const groups = ORDER.map((status) => ({ status, items: (applications.data ?? []).filter((a) => a.status === status) })).filter((g) => g.items.length > 0);
  return (
    <section aria-label={t('sponsor.pipeline.of', { title })}>
      <h3>{t('sponsor.pipeline.title')}</h3>
      {applications.isPending && <Loading />}
      <ProblemMessage problem={problemOf(applications.error)} />
      {applications.isSuccess && applications.data.length === 0 && <p>{t('sponsor.pipeline.none')}</p>}
      <div className="pipeline">
        {groups.map((group) => (
          <div key={group.status}>
            <h4>
              {t(`applicationStatus.${group.status}`)} ({group.items.length})
            </h4>
            {group.items.map((application) => (
              <ApplicationCard key={application.id} application={application} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

function ApplicationCard({ application }: { application: Application }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const { applicant } = application;
  const name = applicantName(applicant);
  const move = useMutation({
    mutationFn: async (body: Schemas['ChangeApplicationDto']) => unwrap(await api.PATCH('/v1/applications/{id}', { params: { path: { id: application.id } }, body })),
    onSuccess: async () => {
      setProblem(undefined);
      await client.invalidateQueries({ queryKey: ['sponsor-applications', application.internshipId] });
      await client.invalidateQueries({ queryKey: ['sponsor-internships'] });
    },
    onError: (error) => setProblem(problemOf(error)),
  });
  const headingId = `application-${application.id}`;
  const percent = (rate: number) => new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(rate);
  return (
    <article className="application" aria-labelledby={headingId}>
      <h5 id={headingId}>{name}</h5>
      <p className="meta">
        {applicant.shared ? [applicant.email, applicant.school].filter(Boolean).join(' · ') : t('sponsor.pipeline.private')}
        {application.status === 'completed' && application.hired !== null && ` · ${application.hired ? t('sponsor.pipeline.hired') : t('sponsor.pipeline.notHired')}`}
      </p>
      <p>{application.statement}</p>
      <ul className="meta">
        {applicant.eligibility && <li>{applicant.eligibility.eligible ? t('sponsor.pipeline.eligible') : t('sponsor.pipeline.notEligible')}</li>}
        {applicant.ageBand && <li>{t('sponsor.pipeline.ageBand', { band: t(`sponsor.groups.${applicant.ageBand}`) })}</li>}
        {applicant.attendanceRate !== undefined && applicant.attendanceRate !== null ? (
          <li>{t('sponsor.pipeline.rate', { rate: percent(applicant.attendanceRate) })}</li>
        ) : (
          applicant.attendanceBand && <li>{t('sponsor.pipeline.band', { band: t(`sponsor.attendanceBands.${applicant.attendanceBand}`) })}</li>
        )}
        {applicant.programs.length > 0 && <li>{t('sponsor.pipeline.programs', { titles: applicant.programs.map((p) => p.title).join(', ') })}</li>}
      </ul>
      <ProblemMessage problem={problem} />
      {application.nextStatuses.length > 0 && (
        <div className="actions" role="group" aria-label={t('sponsor.pipeline.moves', { name })}>
          {application.nextStatuses.flatMap((status) =>
            status === 'completed'
              ? [true, false].map((hired) => (
                  <button key={`completed-${hired}`} type="button" className="button button--secondary" disabled={move.isPending} onClick={() => move.mutate({ status, hired })}>
                    {t(hired ? 'sponsor.pipeline.move.completedHired' : 'sponsor.pipeline.move.completedNotHired', { name })}
                  </button>
                ))
              : [
                  <button
                    key={status}
                    type="button"
                    className={`button${status === 'rejected' ? ' button--secondary' : ''}`}
                    disabled={move.isPending}
                    onClick={() => move.mutate({ status })}
                  >
                    {t(`sponsor.pipeline.move.${status}`, { name })}
                  </button>,
                ],
          )}
        </div>
      )}
    </article>
  );
}
