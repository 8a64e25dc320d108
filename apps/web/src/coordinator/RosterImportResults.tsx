import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { TableWrap } from '../ui/TableWrap';
import { groupByRow, rosterProblemWords, type RosterProblem } from './roster-import';

type Result = Schemas['RosterImportDto'];

/** The row's number, with the teen's name the file gives it when it gives one. */
function RowName({ row, names }: { row: number; names: Map<number, string> }) {
  const { t } = useTranslation();
  const name = names.get(row);
  return (
    <>
      {t('coordinator.rosterImport.rowNumber', { row })}
      {name && <span className="row-name">{name}</span>}
    </>
  );
}

/** What is wrong with the file, a line per problem, grouped by row; on a phone each row is a block of its own. */
export function RosterProblemsTable({ problems, names }: { problems: RosterProblem[]; names: Map<number, string> }) {
  const { t, i18n } = useTranslation();
  const words = (p: RosterProblem) => rosterProblemWords(t, (key) => i18n.exists(key), p);
  const caption = t('coordinator.rosterImport.problemsCaption');
  return (
    <TableWrap label={caption}>
      <table className="table table--stack table--grouped">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coordinator.rosterImport.row')}</th>
            <th scope="col">{t('coordinator.rosterImport.column')}</th>
            <th scope="col">{t('coordinator.rosterImport.problem')}</th>
          </tr>
        </thead>
        {groupByRow(problems).map(({ row, problems }) => (
          <tbody key={row}>
            {problems.map((p, i) => (
              <tr key={`${p.field}-${i}`}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={problems.length}>
                    <RowName row={row} names={names} />
                  </th>
                )}
                <td data-label={t('coordinator.rosterImport.column')}>
                  <code>{p.field === 'row' ? t('coordinator.rosterImport.wholeRow') : p.field}</code>
                </td>
                <td data-label={t('coordinator.rosterImport.problem')}>{words(p)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableWrap>
  );
}

/** The import's counts, the consent mails, what became of the enrollments, and each row's outcome. */
export function RosterResults({ result, names }: { result: Result; names: Map<number, string> }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const counts = [
    ['created', result.created],
    ['matched', result.matched],
    ['knownElsewhere', result.knownElsewhere],
    ['skipped', result.skipped],
  ] as const;
  const enrollment = result.enrollment;
  return (
    <>
      <ul className="stats" aria-label={t('coordinator.rosterImport.countsLabel')}>
        {counts.map(([key, value]) => (
          <li key={key}>
            <span className="stat__value">{n(value)}</span> {t(`coordinator.rosterImport.counts.${key}`)}
          </li>
        ))}
      </ul>
      <p className="alert alert--ok" role="status">
        {t('coordinator.rosterImport.consentMails', { count: result.consentMails })}
      </p>
      {enrollment && (
        <>
          <h3>{t('coordinator.rosterImport.enrollmentTitle')}</h3>
          <ul className="stats" aria-label={t('coordinator.rosterImport.enrollmentTitle')}>
            {(['enrolled', 'offered', 'waitlisted', 'awaitingConsent', 'notEnrolled'] as const)
              .filter((key) => key !== 'offered' || enrollment.offered > 0)
              .map((key) => (
                <li key={key}>
                  <span className="stat__value">{n(enrollment[key])}</span> {t(`coordinator.rosterImport.enrollment.${key}`)}
                </li>
              ))}
          </ul>
        </>
      )}
      <RowResults result={result} names={names} />
    </>
  );
}

function RowResults({ result, names }: { result: Result; names: Map<number, string> }) {
  const { t, i18n } = useTranslation();
  const caption = t('coordinator.rosterImport.resultsCaption');
  return (
    <TableWrap label={caption}>
      <table className="table table--stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coordinator.rosterImport.row')}</th>
            <th scope="col">{t('coordinator.rosterImport.outcomeLabel')}</th>
            <th scope="col">{t('coordinator.rosterImport.consentLabel')}</th>
            {result.enrollment && <th scope="col">{t('coordinator.rosterImport.enrollmentLabel')}</th>}
          </tr>
        </thead>
        <tbody>
          {result.results.map((r) => (
            <tr key={r.row}>
              <th scope="row">
                <RowName row={r.row} names={names} />
              </th>
              <td data-label={t('coordinator.rosterImport.outcomeLabel')}>
                {t(`coordinator.rosterImport.outcome.${r.outcome}`)}
                {r.errors.length > 0 && (
                  <ul className="row-problems">
                    {r.errors.map((p, i) => (
                      <li key={i}>
                        <code>{p.field === 'row' ? t('coordinator.rosterImport.wholeRow') : p.field}</code>: {rosterProblemWords(t, (key) => i18n.exists(key), p)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td data-label={t('coordinator.rosterImport.consentLabel')}>{r.consentStatus ? t(`coordinator.roster.consentStatus.${r.consentStatus}`) : '—'}</td>
              {result.enrollment && (
                <td data-label={t('coordinator.rosterImport.enrollmentLabel')}>{r.enrollment ? t(`coordinator.rosterImport.rowEnrollment.${r.enrollment}`) : '—'}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
