import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field, SelectField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { applyProblem, problemOf } from '../ui/problem';
import { ProblemMessage } from '../ui/ProblemMessage';
import { BranchPicker, useBranchChoice } from './BranchPicker';
import { usePublishedPrograms, useSchools } from './queries';
import { EXAMPLE_CSV, namesByRow, ROSTER_COLUMNS, rosterRefusalOf, type RosterRefusal } from './roster-import';
import { RosterProblemsTable, RosterResults } from './RosterImportResults';
import './Schools.css';

type Values = { schoolId: string; programId: string; file: FileList | undefined };
/** What was sent, kept to send again with importGoodRows and to name each row of the answer. */
interface Sent {
  branchId: string;
  schoolId: string;
  programId: string;
  csv: string;
  names: Map<number, string>;
}
const EXAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE_CSV)}`;

export default function RosterImportPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <RosterImport />
    </RequireSignIn>
  );
}

/** A partner school's roster CSV imported at a branch: checked row by row first, then the good rows, and what became of each. */
function RosterImport() {
  const { t } = useTranslation();
  const choice = useBranchChoice();
  return (
    <section>
      <p>
        <Link to={`/coordinator/schools${choice.branchId ? `?branch=${choice.branchId}` : ''}`}>{t('coordinator.rosterImport.back')}</Link>
      </p>
      <h1>{t('coordinator.rosterImport.title')}</h1>
      <p className="lead">{t('coordinator.rosterImport.intro')}</p>
      <BranchPicker mine={choice.mine} branchId={choice.branchId} onChange={choice.setBranch} />
      {choice.isPending && <Loading />}
      {!choice.isPending && !choice.branchId && <p>{t('coordinator.schools.noBranch')}</p>}
      {choice.branchId && <ImportForm key={choice.branchId} branchId={choice.branchId} />}
    </section>
  );
}

function ImportForm({ branchId }: { branchId: string }) {
  const { t } = useTranslation();
  const schools = useSchools(branchId);
  const programs = usePublishedPrograms(branchId);
  const [sent, setSent] = useState<Sent>();
  const [result, setResult] = useState<Schemas['RosterImportDto']>();
  const [refusal, setRefusal] = useState<RosterRefusal>();
  const [problem, setProblem] = useState<Problem>();
  const answer = useRef<HTMLHeadingElement>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ defaultValues: { schoolId: '', programId: '' } });
  const send = useMutation({
    mutationFn: async ({ to, importGoodRows }: { to: Sent; importGoodRows: boolean }) =>
      unwrap(
        await api.POST('/v1/branches/{id}/roster-imports', {
          params: {
            path: { id: to.branchId },
            query: { schoolId: to.schoolId || undefined, programId: to.programId || undefined, importGoodRows: importGoodRows || undefined },
          },
          // The body is the file's text as it is, not JSON.
          body: to.csv,
          bodySerializer: (csv: string) => csv,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    onSuccess: setResult,
    onError: (error) => {
      const roster = rosterRefusalOf(problemOf(error));
      if (roster) setRefusal(roster);
      else setProblem(applyProblem(error, ['schoolId', 'programId'], setError));
    },
  });
  // The answer shows below the form: on a phone it would be off screen, so it takes the focus (and the screen reader's attention).
  useEffect(() => {
    if (result || refusal) answer.current?.focus();
  }, [result, refusal]);

  const start = (to: Sent, importGoodRows: boolean) => {
    setResult(undefined);
    setRefusal(undefined);
    setProblem(undefined);
    send.mutate({ to, importGoodRows });
  };
  const submit = handleSubmit(async ({ schoolId, programId, file }) => {
    const csv = await file![0].text();
    const to = { branchId, schoolId, programId, csv, names: namesByRow(csv) };
    setSent(to);
    start(to, false);
  });
  if (schools.isPending || programs.isPending) return <Loading />;
  const good = refusal ? refusal.rows - refusal.badRows : 0;
  return (
    <>
      <ProblemMessage words="coordinator" problem={problemOf(schools.error) ?? problemOf(programs.error)} />
      {schools.data?.length === 0 && (
        <p className="alert alert--warn">
          {t('coordinator.rosterImport.noSchools')} <Link to={`/coordinator/schools?branch=${branchId}`}>{t('coordinator.rosterImport.addSchools')}</Link>
        </p>
      )}
      <form className="card" noValidate aria-labelledby="import-title" onSubmit={submit}>
        <h2 id="import-title">{t('coordinator.rosterImport.formTitle')}</h2>
        <SelectField label={t('coordinator.rosterImport.school')} error={formState.errors.schoolId?.message} {...register('schoolId')}>
          <option value="">{t('coordinator.rosterImport.schoolColumn')}</option>
          {schools.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('coordinator.rosterImport.program')} error={formState.errors.programId?.message} {...register('programId')}>
          <option value="">{t('coordinator.rosterImport.noProgram')}</option>
          {programs.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </SelectField>
        <Field
          type="file"
          accept=".csv,text/csv"
          label={t('coordinator.rosterImport.file')}
          hint={t('coordinator.rosterImport.fileHint')}
          error={formState.errors.file?.message}
          {...register('file', { validate: (files) => (files?.length ? true : t('coordinator.rosterImport.pickFile')) })}
        />
        <details className="columns">
          <summary>{t('coordinator.rosterImport.columnsTitle')}</summary>
          <p>{t('coordinator.rosterImport.columns')}</p>
          <p className="column-names">
            {ROSTER_COLUMNS.map((c) => (
              <code key={c}>{c}</code>
            ))}
          </p>
          <p className="meta">{t('coordinator.rosterImport.columnsHint')}</p>
          <p>
            <a href={EXAMPLE_HREF} download="codeshelf-roster-example.csv">
              {t('coordinator.rosterImport.example')}
            </a>
          </p>
        </details>
        <button type="submit" className="button" disabled={send.isPending}>
          {t('coordinator.rosterImport.import')}
        </button>
        {send.isPending && <Loading />}
        <ProblemMessage words="coordinator" problem={problem} />
      </form>

      {refusal && sent && (
        <section aria-labelledby="refusal-title">
          <h2 id="refusal-title" ref={answer} tabIndex={-1}>
            {t(refusal.code === 'roster-invalid' ? 'coordinator.rosterImport.invalidTitle' : 'coordinator.rosterImport.unreadableTitle')}
          </h2>
          <p className="alert alert--error">
            {refusal.code === 'roster-unreadable'
              ? t('coordinator.rosterImport.unreadable')
              : good > 0
                ? t('coordinator.rosterImport.invalid', { rows: refusal.rows, badRows: refusal.badRows })
                : t('coordinator.rosterImport.invalidAllBad', { rows: refusal.rows, badRows: refusal.badRows })}
          </p>
          <RosterProblemsTable problems={refusal.errors} names={sent.names} />
          {refusal.code === 'roster-invalid' && good > 0 && (
            <div className="actions">
              <button type="button" className="button" disabled={send.isPending} onClick={() => start(sent, true)}>
                {t('coordinator.rosterImport.importGood', { count: good })}
              </button>
            </div>
          )}
        </section>
      )}
      {result && sent && (
        <section aria-labelledby="result-title">
          <h2 id="result-title" ref={answer} tabIndex={-1}>
            {t('coordinator.rosterImport.doneTitle')}
          </h2>
          <RosterResults result={result} names={sent.names} />
        </section>
      )}
    </>
  );
}
