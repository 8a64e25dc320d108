import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { useBranch } from '../programs/queries';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { useProgram } from './RosterPage';
import './Attendance.css';
import { ProblemMessage } from '../ui/ProblemMessage';

export default function AttendanceProgramPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <ProgramAttendance />
    </RequireSignIn>
  );
}

function ProgramAttendance() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useProgram(id);
  const sheet = useQuery({
    queryKey: ['program-attendance', id],
    queryFn: async () => unwrap(await api.GET('/v1/programs/{id}/attendance', { params: { path: { id } } })),
  });
  const summary = useQuery({
    queryKey: ['program-summary', id],
    queryFn: async () => unwrap(await api.GET('/v1/reports/programs/{id}/summary', { params: { path: { id } } })),
  });
  if (program.isPending) return <Loading />;
  if (!program.data) return <ProblemMessage words="mentor" problem={problemOf(program.error)} />;
  return (
    <section>
      <p>
        <Link to={`/coordinator/programs/${id}`}>{t('coordinator.roster.back', { program: program.data.title })}</Link> ·{' '}
        <Link to={`/coordinator/programs/${id}/roster`}>{t('coordinator.attendance.rosterLink')}</Link>
      </p>
      <h1>{t('coordinator.attendance.title', { program: program.data.title })}</h1>
      {summary.isPending && <Loading />}
      <ProblemMessage words="mentor" problem={problemOf(summary.error)} />
      {summary.data && sheet.data && <Summary summary={summary.data} sheet={sheet.data} />}
      {sheet.isPending && <Loading />}
      <ProblemMessage words="mentor" problem={problemOf(sheet.error)} />
      {sheet.data && <Sheet sheet={sheet.data} branchId={program.data.branchId} />}
    </section>
  );
}

function Summary({ summary, sheet }: { summary: Schemas['ProgramSummaryDto']; sheet: Schemas['ProgramAttendanceDto'] }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const value = (figure: Schemas['FigureDto'], format: Intl.NumberFormat) => (figure.value === null ? '—' : format.format(figure.value));
  // Before the end, who would complete if it ended today.
  const onTrack = sheet.teens.filter((teen) => teen.rate !== null && teen.rate >= sheet.completionThreshold).length;
  return (
    <section aria-labelledby="summary">
      <h2 id="summary">{t('coordinator.attendance.summary')}</h2>
      <ul className="stats">
        <li>
          <span className="stat__value">{value(summary.reach.teensEnrolled, number)}</span>
          {t('coordinator.attendance.teens')}
        </li>
        <li>
          <span className="stat__value">{value(summary.reach.sessionsHeld, number)}</span>
          {t('coordinator.attendance.held')}
        </li>
        <li>
          <span className="stat__value">{value(summary.retention.averageAttendanceRate, percent)}</span>
          {t('coordinator.attendance.averageRate')}
        </li>
        <li>
          <span className="stat__value">{sheet.ended ? value(summary.retention.completionRate, percent) : `${onTrack} / ${sheet.teens.length}`}</span>
          {sheet.ended ? t('coordinator.attendance.completionRate') : t('coordinator.attendance.onTrack', { threshold: percent.format(sheet.completionThreshold) })}
        </li>
        <li>
          <span className="stat__value">{value(summary.mentoring.volunteerHours, number)}</span>
          {t('coordinator.attendance.volunteerHours')}
        </li>
      </ul>
      <h3>{t('coordinator.attendance.flagged', { count: summary.flaggedTeens.length })}</h3>
      {summary.flaggedTeens.length === 0 ? (
        <p>{t('coordinator.attendance.noneFlagged')}</p>
      ) : (
        <ul className="list">
          {summary.flaggedTeens.map((teen) => (
            <li key={teen.participantId}>
              <strong>
                {teen.firstName} {teen.lastName}
              </strong>{' '}
              — {t('coordinator.attendance.absencesInRow', { count: teen.consecutiveAbsences })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Sheet({ sheet, branchId }: { sheet: Schemas['ProgramAttendanceDto']; branchId: string }) {
  const { t, i18n } = useTranslation();
  const timezone = useBranch(branchId)?.timezone ?? 'UTC';
  const day = new Intl.DateTimeFormat(i18n.language, { timeZone: timezone, day: 'numeric', month: 'short' });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const marks = new Map(sheet.marks.map((m) => [`${m.participantId}:${m.sessionId}`, m.status]));
  const sessions = sheet.sessions.filter((s) => s.status === 'scheduled');
  return (
    <section aria-labelledby="sheet">
      <h2 id="sheet">{t('coordinator.attendance.sheet')}</h2>
      <p className="meta">
        {t('coordinator.attendance.key')} ({timezone})
      </p>
      {sheet.teens.length === 0 ? (
        <p>{t('coordinator.roster.noneEnrolled')}</p>
      ) : (
        <div className="table-wrap attendance-sheet" tabIndex={0} role="region" aria-labelledby="sheet">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('coordinator.roster.name')}</th>
                <th scope="col" className="num">
                  {t('coordinator.attendance.rate')}
                </th>
                {sessions.map((s) => (
                  <th scope="col" key={s.sessionId}>
                    <Link to={`/coordinator/sessions/${s.sessionId}/attendance`}>{day.format(new Date(s.startsAt))}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.teens.map((teen) => (
                <tr key={teen.participantId} className={teen.flagged ? 'attendance-sheet__flagged' : undefined}>
                  <th scope="row">
                    {teen.firstName} {teen.lastName}
                    {teen.flagged && <span className="badge badge--warn">{t('coordinator.attendance.flag')}</span>}
                  </th>
                  <td className="num">{teen.rate === null ? '—' : percent.format(teen.rate)}</td>
                  {sessions.map((s) => {
                    // One letter in the cell (the key explains it); the word for screen readers.
                    const status = marks.get(`${teen.participantId}:${s.sessionId}`);
                    return (
                      <td key={s.sessionId} className={`attendance-sheet__cell attendance-sheet__cell--${status ?? 'none'}`}>
                        {status ? (
                          <>
                            <span aria-hidden="true">{t(`coordinator.attendance.letter.${status}`)}</span>
                            <span className="visually-hidden">{t(`mentor.status.${status}`)}</span>
                          </>
                        ) : s.held ? (
                          <>
                            <span aria-hidden="true">·</span>
                            <span className="visually-hidden">{t('mentor.status.unmarked')}</span>
                          </>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
