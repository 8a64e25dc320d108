import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, type UseFormRegister, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field } from '../ui/Field';
import { Loading, RequireSignIn } from '../ui/Layout';
import { applyProblem, problemOf } from '../ui/problem';
import { ProblemMessage } from '../ui/ProblemMessage';
import { TableWrap } from '../ui/TableWrap';
import { BranchPicker, useBranchChoice } from './BranchPicker';
import { useSchools } from './queries';
import './Schools.css';

type School = Schemas['SchoolDto'];
type Values = { name: string; contactName: string; contactEmail: string; contactPhone: string };
const FIELDS = ['name', 'contactName', 'contactEmail', 'contactPhone'] as const;
const EMPTY: Values = { name: '', contactName: '', contactEmail: '', contactPhone: '' };

export default function SchoolsPage() {
  return (
    <RequireSignIn roles={['coordinator', 'admin']}>
      <Schools />
    </RequireSignIn>
  );
}

/** A branch's partner schools with whom to write to about rosters: each one changed in place, and a new one. */
function Schools() {
  const { t } = useTranslation();
  const choice = useBranchChoice();
  const schools = useSchools(choice.branchId);
  const [editing, setEditing] = useState<School>();
  return (
    <section>
      <h1>{t('coordinator.schools.title')}</h1>
      <p className="lead">{t('coordinator.schools.intro')}</p>
      <BranchPicker mine={choice.mine} branchId={choice.branchId} onChange={choice.setBranch} />
      {choice.isPending && <Loading />}
      <ProblemMessage words="coordinator" problem={problemOf(choice.error) ?? problemOf(schools.error)} />
      {!choice.isPending && !choice.branchId && <p>{t('coordinator.schools.noBranch')}</p>}
      {choice.branchId && (
        <>
          <p>
            <Link className="button button--secondary" to={`/coordinator/schools/import?branch=${choice.branchId}`}>
              {t('coordinator.rosterImport.title')}
            </Link>
          </p>
          {schools.isPending && <Loading />}
          {schools.data?.length === 0 && <p>{t('coordinator.schools.none')}</p>}
          {!!schools.data?.length && (
            <TableWrap label={t('coordinator.schools.caption')}>
              <table className="table table--stack">
                <caption>{t('coordinator.schools.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coordinator.schools.name')}</th>
                    <th scope="col">{t('coordinator.schools.contact')}</th>
                    <th scope="col">{t('coordinator.schools.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {schools.data.map((school) => (
                    <tr key={school.id}>
                      <th scope="row">{school.name}</th>
                      <td data-label={t('coordinator.schools.contact')}>
                        <Contact school={school} />
                      </td>
                      <td>
                        <button type="button" className="button button--secondary" aria-label={t('coordinator.schools.editName', { name: school.name })} onClick={() => setEditing(school)}>
                          {t('coordinator.schools.edit')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {editing && <SchoolEditor key={editing.id} school={editing} onDone={() => setEditing(undefined)} />}
          <NewSchool key={choice.branchId} branchId={choice.branchId} />
        </>
      )}
    </section>
  );
}

function Contact({ school }: { school: School }) {
  const { t } = useTranslation();
  if (!school.contactName && !school.contactEmail && !school.contactPhone) return <span className="meta">{t('coordinator.schools.noContact')}</span>;
  return (
    <>
      {school.contactName && <span className="contact-line">{school.contactName}</span>}
      {school.contactEmail && (
        <span className="contact-line">
          <a href={`mailto:${school.contactEmail}`}>{school.contactEmail}</a>
        </span>
      )}
      {school.contactPhone && (
        <span className="contact-line">
          <a href={`tel:${school.contactPhone.replace(/[^0-9+]/g, '')}`}>{school.contactPhone}</a>
        </span>
      )}
    </>
  );
}

/** The API's refusal placed by the field it is about: a name the branch already has goes next to the name. */
function useSchoolProblem(setError: UseFormSetError<Values>) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const refused = (error: unknown) => {
    if (problemOf(error)?.code === 'school-name-taken') {
      setError('name', { type: 'server', message: t('coordinator.schools.nameTaken') });
      setProblem(undefined);
    } else setProblem(applyProblem(error, FIELDS, setError));
  };
  return { problem, setProblem, refused };
}

function NewSchool({ branchId }: { branchId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [added, setAdded] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({ defaultValues: EMPTY });
  const { problem, setProblem, refused } = useSchoolProblem(setError);
  const add = useMutation({
    mutationFn: async ({ name, contactName, contactEmail, contactPhone }: Values) =>
      unwrap(
        await api.POST('/v1/branches/{id}/schools', {
          params: { path: { id: branchId } },
          body: { name, contactName: contactName || undefined, contactEmail: contactEmail || undefined, contactPhone: contactPhone || undefined },
        }),
      ),
    onSuccess: async (school) => {
      setProblem(undefined);
      setAdded(school.name);
      reset(EMPTY);
      await client.invalidateQueries({ queryKey: ['branches', branchId, 'schools'] });
    },
    onError: refused,
  });
  return (
    <form
      className="card"
      noValidate
      aria-labelledby="new-school-title"
      onSubmit={handleSubmit((values) => {
        setAdded(undefined);
        add.mutate(values);
      })}
    >
      <h2 id="new-school-title">{t('coordinator.schools.new')}</h2>
      <ProblemMessage words="coordinator" problem={problem} />
      <SchoolFields register={register} errors={formState.errors} />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('coordinator.schools.add')}
      </button>
      <p role="status">{added && t('coordinator.schools.added', { name: added })}</p>
    </form>
  );
}

function SchoolEditor({ school, onDone }: { school: School; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    defaultValues: { name: school.name, contactName: school.contactName ?? '', contactEmail: school.contactEmail ?? '', contactPhone: school.contactPhone ?? '' },
  });
  const { problem, refused } = useSchoolProblem(setError);
  // The form opens below the list: on a phone it would be off screen without moving there.
  useEffect(() => setFocus('name'), [setFocus]);
  const save = useMutation({
    mutationFn: async ({ name, contactName, contactEmail, contactPhone }: Values) =>
      unwrap(
        await api.PATCH('/v1/branches/{id}/schools/{schoolId}', {
          params: { path: { id: school.branchId, schoolId: school.id } },
          // An emptied contact field is cleared.
          body: { name, contactName: contactName || null, contactEmail: contactEmail || null, contactPhone: contactPhone || null },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['branches', school.branchId, 'schools'] });
      onDone();
    },
    onError: refused,
  });
  return (
    <form className="card" noValidate aria-labelledby="edit-school-title" onSubmit={handleSubmit((values) => save.mutate(values))}>
      <h2 id="edit-school-title">{t('coordinator.schools.editName', { name: school.name })}</h2>
      <ProblemMessage words="coordinator" problem={problem} />
      <SchoolFields register={register} errors={formState.errors} />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('coordinator.schools.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function SchoolFields({ register, errors }: { register: UseFormRegister<Values>; errors: Partial<Record<keyof Values, { message?: string }>> }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('coordinator.schools.name')} autoComplete="off" maxLength={200} error={errors.name?.message} {...register('name', { required: t('coordinator.form.required') })} />
      <Field label={t('coordinator.schools.contactName')} hint={t('coordinator.schools.optional')} autoComplete="off" maxLength={100} error={errors.contactName?.message} {...register('contactName')} />
      <Field
        label={t('coordinator.schools.contactEmail')}
        hint={t('coordinator.schools.optional')}
        type="email"
        autoComplete="off"
        maxLength={254}
        error={errors.contactEmail?.message}
        {...register('contactEmail')}
      />
      <Field
        label={t('coordinator.schools.contactPhone')}
        hint={t('coordinator.schools.optional')}
        type="tel"
        autoComplete="off"
        maxLength={40}
        error={errors.contactPhone?.message}
        {...register('contactPhone')}
      />
    </>
  );
}
