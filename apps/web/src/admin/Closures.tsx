import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field } from '../ui/Field';
import { Loading } from '../ui/Layout';
import { applyProblem, problemOf } from '../ui/problem';
import { formatDate } from '../ui/time';
import { TableWrap } from '../ui/TableWrap';
import { ProblemMessage } from '../ui/ProblemMessage';

type Values = { date: string; reason: string };

/** The days a branch is closed (calendar days of the branch, its zone named), added and removed. */
export function Closures({ branch }: { branch: Schemas['BranchDto'] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const key = ['branches', branch.id, 'closures'];
  const path = { id: branch.id };
  const closures = useQuery({ queryKey: key, queryFn: async () => unwrap(await api.GET('/v1/branches/{id}/closures', { params: { path } })) });
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>();
  const done = async () => {
    setProblem(undefined);
    await client.invalidateQueries({ queryKey: key });
  };
  const add = useMutation({
    mutationFn: async (body: Values) => unwrap(await api.POST('/v1/branches/{id}/closures', { params: { path }, body })),
    onSuccess: async () => {
      reset();
      await done();
    },
    onError: (error) => setProblem(applyProblem(error, ['date', 'reason'], setError)),
  });
  const remove = useMutation({
    mutationFn: async (closureId: string) => unwrap(await api.DELETE('/v1/branches/{id}/closures/{closureId}', { params: { path: { ...path, closureId } } })),
    onSuccess: done,
    onError: (error) => setProblem(problemOf(error)),
  });
  const required = { required: t('form.required') };
  return (
    <section aria-labelledby="closures-title">
      <h2 id="closures-title">{t('admin.closures.title')}</h2>
      <p className="hint">{t('admin.closures.zone', { zone: branch.timezone })}</p>
      {closures.isPending && <Loading />}
      <ProblemMessage words="admin" problem={problemOf(closures.error)} />
      {closures.data && closures.data.length === 0 && <p>{t('admin.closures.none')}</p>}
      {closures.data && closures.data.length > 0 && (
        <TableWrap label={t('admin.closures.caption', { zone: branch.timezone })}>
          <table className="table admin-table">
            <caption>{t('admin.closures.caption', { zone: branch.timezone })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.closures.date')}</th>
                <th scope="col">{t('admin.closures.reason')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {closures.data.map((closure) => {
                const day = formatDate(closure.date, i18n.language);
                return (
                  <tr key={closure.id}>
                    <th scope="row">{day}</th>
                    <td>{closure.reason}</td>
                    <td>
                      <button type="button" className="button button--secondary" disabled={remove.isPending} onClick={() => remove.mutate(closure.id)}>
                        {t('admin.closures.remove', { date: day })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form className="card" noValidate aria-labelledby="new-closure-title" onSubmit={handleSubmit((values) => add.mutate(values))}>
        <h3 id="new-closure-title">{t('admin.closures.new')}</h3>
        <ProblemMessage words="admin" problem={problem} />
        <Field label={t('admin.closures.date')} type="date" error={formState.errors.date?.message} {...register('date', required)} />
        <Field label={t('admin.closures.reason')} autoComplete="off" error={formState.errors.reason?.message} {...register('reason', required)} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('admin.closures.add')}
        </button>
      </form>
    </section>
  );
}
