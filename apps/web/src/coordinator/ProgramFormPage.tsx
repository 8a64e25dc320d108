import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { useMe } from '../people/session';
import { useBranches } from '../programs/queries';
import { Field, SelectField, TextAreaField } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { applyProblem, problemOf } from '../ui/problem';
import { useProgram } from './queries';
import { localParts, zonedIso } from './zoned';
import './coordinator.css';
import { consoleFieldWords } from './problems';

type Values = {
  branchId: string;
  title: string;
  description: string;
  level: Schemas['CreateProgramDto']['level'];
  minAge: string;
  maxAge: string;
  capacity: string;
  startsOn: string;
  endsOn: string;
  enrollmentOpensAt: string;
  enrollmentClosesAt: string;
  waitlistEnabled: boolean;
  waitlistMode: Schemas['CreateProgramDto']['waitlistMode'];
  offerHours: string;
  completionPercent: string;
};
const fields = ['branchId', 'title', 'description', 'level', 'minAge', 'maxAge', 'capacity', 'startsOn', 'endsOn', 'enrollmentOpensAt', 'enrollmentClosesAt', 'waitlistEnabled', 'waitlistMode', 'offerHours', 'completionPercent'] as const;
const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

export default function ProgramFormPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <ProgramFormLoader />
    </RequireSignIn>
  );
}

function ProgramFormLoader() {
  const { id } = useParams();
  const program = useProgram(id ?? '');
  const branches = useBranches();
  if (!branches.isSuccess || (id && program.isPending)) return <Loading />;
  if (id && program.isError) return <ProblemMessage problem={problemOf(program.error)} />;
  return <ProgramForm program={id ? program.data : undefined} branches={branches.data} />;
}

/** A datetime-local value (`2027-01-10T09:00`) in the branch's zone as an instant with its offset, or nothing. */
const instant = (value: string, zone: string) => (value ? zonedIso(value.slice(0, 10), value.slice(11, 16), zone) : undefined);
const local = (iso: string | null, zone: string) => (iso ? `${localParts(iso, zone).date}T${localParts(iso, zone).time}` : '');

/** Create or edit a program with every field the API takes; the rules' answers shown by the field they name. */
function ProgramForm({ program, branches }: { program?: Schemas['ProgramDto']; branches: Schemas['BranchDto'][] }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const mine = branches.filter((b) => me.data?.role === 'admin' || me.data?.branchIds.includes(b.id));
  const zoneOf = (branchId: string) => branches.find((b) => b.id === branchId)?.timezone ?? 'UTC';
  const form = useForm<Values>({
    defaultValues: program
      ? {
          branchId: program.branchId,
          title: program.title,
          description: program.description,
          level: program.level,
          minAge: String(program.minAge),
          maxAge: String(program.maxAge),
          capacity: String(program.capacity),
          startsOn: program.startsOn,
          endsOn: program.endsOn,
          enrollmentOpensAt: local(program.enrollmentOpensAt, zoneOf(program.branchId)),
          enrollmentClosesAt: local(program.enrollmentClosesAt, zoneOf(program.branchId)),
          waitlistEnabled: program.waitlistEnabled,
          waitlistMode: program.waitlistMode,
          offerHours: program.offerHours === null ? '' : String(program.offerHours),
          completionPercent: String(Math.round(program.completionThreshold * 100)),
        }
      : { branchId: mine[0]?.id ?? '', level: 'beginner', minAge: '13', maxAge: '18', capacity: '20', waitlistEnabled: true, waitlistMode: 'promote', offerHours: '48', completionPercent: '75' },
  });
  const { register, handleSubmit, setError, formState, watch } = form;
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const zone = zoneOf(v.branchId);
      const body = {
        title: v.title,
        description: v.description,
        level: v.level,
        minAge: Number(v.minAge),
        maxAge: Number(v.maxAge),
        capacity: Number(v.capacity),
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        enrollmentOpensAt: instant(v.enrollmentOpensAt, zone),
        enrollmentClosesAt: instant(v.enrollmentClosesAt, zone),
        waitlistEnabled: v.waitlistEnabled,
        waitlistMode: v.waitlistMode,
        // Kept while promoting, so switching back to offers keeps the hours; empty is none.
        offerHours: v.offerHours === '' ? null : Number(v.offerHours),
        completionThreshold: Number(v.completionPercent) / 100,
      };
      if (program) return unwrap(await api.PATCH('/v1/programs/{id}', { params: { path: { id: program.id } }, body }));
      return unwrap(await api.POST('/v1/programs', { body: { ...body, branchId: v.branchId } }));
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['program', saved.id] });
      await client.invalidateQueries({ queryKey: ['programs'] });
      navigate(`/coordinator/programs/${saved.id}`);
    },
    onError: (error) => {
      // The API names completionThreshold; the form asks for a percentage.
      const renamed = problemOf(error);
      if (renamed?.errors) renamed.errors = renamed.errors.map((e) => (e.field === 'completionThreshold' ? { ...e, field: 'completionPercent' } : e));
      setProblem(applyProblem(error, fields, setError, consoleFieldWords(t)));
    },
  });
  const err = (name: keyof Values) => formState.errors[name]?.message;
  const required = { required: t('coordinator.form.required') };
  const zone = zoneOf(watch('branchId'));
  return (
    <section className="narrow">
      <p>
        <Link to={program ? `/coordinator/programs/${program.id}` : '/coordinator/programs'}>{t('coordinator.programs.back')}</Link>
      </p>
      <h1>{program ? t('coordinator.programForm.editTitle', { title: program.title }) : t('coordinator.programForm.newTitle')}</h1>
      <ProblemMessage words="coordinator" problem={problem} />
      <form noValidate onSubmit={handleSubmit((v) => save.mutate(v))}>
        <SelectField label={t('coordinator.programForm.branch')} disabled={!!program} error={err('branchId')} {...register('branchId', required)}>
          {(program ? branches : mine).map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <Field label={t('coordinator.programForm.title')} error={err('title')} {...register('title', required)} />
        <TextAreaField label={t('coordinator.programForm.description')} rows={4} error={err('description')} {...register('description')} />
        <SelectField label={t('coordinator.programForm.level')} error={err('level')} {...register('level')}>
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`levels.${level}`)}
            </option>
          ))}
        </SelectField>
        <div className="two-up">
          <Field label={t('coordinator.programForm.minAge')} type="number" inputMode="numeric" error={err('minAge')} {...register('minAge', required)} />
          <Field label={t('coordinator.programForm.maxAge')} type="number" inputMode="numeric" error={err('maxAge')} {...register('maxAge', required)} />
          <Field label={t('coordinator.programForm.capacity')} type="number" inputMode="numeric" error={err('capacity')} {...register('capacity', required)} />
          <Field
            label={t('coordinator.programForm.completion')}
            hint={t('coordinator.programForm.completionHint')}
            type="number"
            inputMode="numeric"
            error={err('completionPercent')}
            {...register('completionPercent', required)}
          />
          <Field label={t('coordinator.programForm.startsOn')} type="date" error={err('startsOn')} {...register('startsOn', required)} />
          <Field label={t('coordinator.programForm.endsOn')} type="date" error={err('endsOn')} {...register('endsOn', required)} />
        </div>
        <fieldset>
          <legend>{t('coordinator.programForm.enrollment')}</legend>
          <p className="hint">{t('coordinator.programForm.enrollmentHint', { zone })}</p>
          <Field label={t('coordinator.programForm.opensAt')} type="datetime-local" error={err('enrollmentOpensAt')} {...register('enrollmentOpensAt')} />
          <Field label={t('coordinator.programForm.closesAt')} type="datetime-local" error={err('enrollmentClosesAt')} {...register('enrollmentClosesAt')} />
          <div className="check">
            <input id="waitlist-enabled" type="checkbox" {...register('waitlistEnabled')} />
            <label htmlFor="waitlist-enabled">{t('coordinator.programForm.waitlist')}</label>
          </div>
          <SelectField label={t('coordinator.programForm.waitlistMode')} error={err('waitlistMode')} {...register('waitlistMode')}>
            <option value="promote">{t('coordinator.programForm.modePromote')}</option>
            <option value="offer">{t('coordinator.programForm.modeOffer')}</option>
          </SelectField>
          {watch('waitlistMode') === 'offer' && (
            <Field
              label={t('coordinator.programForm.offerHours')}
              hint={t('coordinator.programForm.offerHoursHint')}
              type="number"
              inputMode="numeric"
              error={err('offerHours')}
              {...register('offerHours', required)}
            />
          )}
        </fieldset>
        <button type="submit" className="button" disabled={save.isPending}>
          {program ? t('coordinator.programForm.save') : t('coordinator.programForm.create')}
        </button>
      </form>
    </section>
  );
}
