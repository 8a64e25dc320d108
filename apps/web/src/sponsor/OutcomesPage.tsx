import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { Field } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';
import { type Figure, type FigureKind, figureText, monthBounds, monthName } from './figure';
import { useSponsorChoice } from './sponsor-choice';
import { TableWrap } from '../ui/TableWrap';
import './sponsor.css';

// The chart library loads after the page's figures, in a chunk of its own.
const BarChart = lazy(() => import('./BarChart'));

type Outcomes = Schemas['OutcomesDto'];
type Row = Schemas['BreakdownRowDto'];

export default function OutcomesPage() {
  return (
    <RequireSignIn roles={['sponsor', 'admin']}>
      <Outcomes />
    </RequireSignIn>
  );
}

function Outcomes() {
  const { t } = useTranslation();
  const { sponsorId, picker } = useSponsorChoice();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = { from: from ? monthBounds(from).first : undefined, to: to ? monthBounds(to).last : undefined };
  const report = useQuery({
    queryKey: ['outcomes', sponsorId, period.from, period.to],
    queryFn: async () => unwrap(await api.GET('/v1/reports/sponsors/{id}/outcomes', { params: { path: { id: sponsorId! }, query: period } })),
    enabled: !!sponsorId,
  });
  const csv = new URLSearchParams({ format: 'csv', ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });
  return (
    <section>
      <h1>{t('sponsor.outcomes.title')}</h1>
      <p className="lead">{t('sponsor.outcomes.intro')}</p>
      {picker}
      {sponsorId && (
        <>
          <PeriodForm
            key={`${from}_${to}`}
            from={from}
            to={to}
            problem={problemOf(report.error)}
            onShow={(next) =>
              setParams((previous) => {
                const kept = new URLSearchParams(previous);
                for (const [key, value] of Object.entries(next)) {
                  if (value) kept.set(key, value);
                  else kept.delete(key);
                }
                return kept;
              })
            }
          />
          <p>
            <a className="button button--secondary" href={`/v1/reports/sponsors/${sponsorId}/outcomes?${csv}`} download>
              {t('sponsor.outcomes.csv')}
            </a>
          </p>
        </>
      )}
      {report.isPending && sponsorId && <Loading />}
      {report.data && <Report report={report.data} />}
    </section>
  );
}

/** The period in whole months (the API takes nothing else from a sponsor); empty means each program's whole term. */
function PeriodForm({ from, to, problem, onShow }: { from: string; to: string; problem: Schemas['ProblemDto'] | undefined; onShow: (period: { from: string; to: string }) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ from, to });
  const fieldError = (field: string) => problem?.errors?.find((e) => e.field === field)?.message;
  const placed = problem && (problem.errors ?? []).length > 0 && (problem.errors ?? []).every((e) => e.field === 'from' || e.field === 'to');
  return (
    <form
      className="toolbar"
      aria-label={t('sponsor.outcomes.period')}
      onSubmit={(event) => {
        event.preventDefault();
        onShow(values);
      }}
    >
      <Field type="month" label={t('sponsor.outcomes.from')} value={values.from} error={fieldError('from')} onChange={(e) => setValues({ ...values, from: e.target.value })} />
      <Field type="month" label={t('sponsor.outcomes.to')} value={values.to} error={fieldError('to')} onChange={(e) => setValues({ ...values, to: e.target.value })} />
      <button type="submit" className="button">
        {t('sponsor.outcomes.show')}
      </button>
      {!placed && <ProblemMessage problem={problem} />}
    </form>
  );
}

function Report({ report }: { report: Outcomes }) {
  const { t, i18n } = useTranslation();
  const text = (figure: Figure, kind: FigureKind = 'count') => figureText(figure, kind, report.minCell, t, i18n.language);
  const stats = (section: string, figures: Record<string, Figure>, kinds: Record<string, FigureKind> = {}) => (
    <>
      <h2>{t(`sponsor.outcomes.sections.${section}`)}</h2>
      <ul className="stats">
        {Object.entries(figures).map(([name, figure]) => (
          <li key={name} className={figure.suppressed ? 'stat--suppressed' : undefined}>
            {t(`sponsor.outcomes.measures.${name}`)}
            <span className="stat__value">{text(figure, kinds[name])}</span>
          </li>
        ))}
      </ul>
    </>
  );
  const rate = { averageAttendanceRate: 'rate', completionRate: 'rate' } as const;
  const hours = { instructionHours: 'hours', volunteerHours: 'hours', employeeVolunteerHours: 'hours' } as const;
  const period =
    report.from || report.to
      ? t('sponsor.outcomes.covering', { from: report.from ? monthName(report.from.slice(0, 7), i18n.language) : '…', to: report.to ? monthName(report.to.slice(0, 7), i18n.language) : '…' })
      : t('sponsor.outcomes.wholeTerms');
  return (
    <>
      <p role="status">
        {period} · {t('sponsor.outcomes.programs', { count: report.programIds.length })}
      </p>
      <p className="alert alert--warn">{t('sponsor.outcomes.suppressionNote', { min: report.minCell })}</p>
      {stats('reach', { ...report.reach }, hours)}
      {stats('retention', { ...report.retention }, rate)}
      {stats('feedback', { ...report.feedback }, { averageRating: 'rating' })}
      {stats('mentoring', { ...report.mentoring }, hours)}
      {report.internships && stats('internships', { ...report.internships })}
      <h2>{t('sponsor.outcomes.sections.monthly')}</h2>
      {report.monthly.length === 0 ? (
        <p>{t('sponsor.outcomes.noMonths')}</p>
      ) : (
        <ChartWithTable
          title={t('sponsor.outcomes.monthly')}
          groupHeading={t('sponsor.outcomes.month')}
          rows={report.monthly.map((m) => ({ group: monthName(m.month, i18n.language), teens: m.attendances }))}
          valueHeading={t('sponsor.outcomes.attendances')}
          text={text}
        />
      )}
      <h2>{t('sponsor.outcomes.sections.breakdowns')}</h2>
      {(['ageBand', 'gender', 'branch', 'attendance', 'school'] as const).map((dimension) => (
        <Breakdown key={dimension} dimension={dimension} rows={report.breakdowns[dimension]} text={text} />
      ))}
    </>
  );
}

function Breakdown({ dimension, rows, text }: { dimension: keyof Outcomes['breakdowns']; rows: Row[]; text: (f: Figure, kind?: FigureKind) => string }) {
  const { t, i18n } = useTranslation();
  // The API's group names, in the page's language where they are fixed groups (a branch or a school keeps its own name).
  const group = (name: string) => (i18n.exists(`sponsor.groups.${name}`) ? t(`sponsor.groups.${name}`) : name);
  return (
    <ChartWithTable
      title={t(`sponsor.outcomes.by.${dimension}`)}
      groupHeading={t(`sponsor.outcomes.dimension.${dimension}`)}
      rows={rows.map((row) => ({ group: group(row.group), teens: row.teens, rate: row.averageAttendanceRate }))}
      valueHeading={t('sponsor.outcomes.teens')}
      text={text}
    />
  );
}

/** One chart and the same figures as a table: the canvas is an image named by a summary, the table is for reading. */
function ChartWithTable({
  title,
  groupHeading,
  valueHeading,
  rows,
  text,
}: {
  title: string;
  groupHeading: string;
  valueHeading: string;
  rows: { group: string; teens: Figure; rate?: Figure }[];
  text: (f: Figure, kind?: FigureKind) => string;
}) {
  const { t } = useTranslation();
  const bars = rows.map((row) => ({ label: row.group, value: row.teens.suppressed ? null : row.teens.value ?? 0, text: text(row.teens) }));
  const summary = `${title}: ${bars.map((b) => `${b.label}, ${b.text}`).join('; ')}`;
  const withRate = rows.some((row) => row.rate);
  return (
    <section className="chart-block" aria-label={title}>
      <h3>{title}</h3>
      <Suspense fallback={<div className="chart" />}>
        <BarChart bars={bars} summary={summary} />
      </Suspense>
      <TableWrap label={t('sponsor.outcomes.tableOf', { title })}>
        <table className="table">
          <caption>{t('sponsor.outcomes.tableOf', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{groupHeading}</th>
              <th scope="col" className="num">
                {valueHeading}
              </th>
              {withRate && (
                <th scope="col" className="num">
                  {t('sponsor.outcomes.measures.averageAttendanceRate')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group}>
                <th scope="row">{row.group}</th>
                <td className={`num${row.teens.suppressed ? ' suppressed' : ''}`}>{text(row.teens)}</td>
                {withRate && <td className={`num${row.rate?.suppressed ? ' suppressed' : ''}`}>{row.rate ? text(row.rate, 'rate') : ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
