import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem } from '../api/client';
import { useBranches } from '../programs/queries';
import { Field, SelectField } from '../ui/Field';
import { Loading } from '../ui/Layout';
import { applyProblem, problemOf } from '../ui/problem';
import { formatDate } from '../ui/time';
import { Pager, useCursorPages } from './shared';
import { TableWrap } from '../ui/TableWrap';
import { ProblemMessage } from '../ui/ProblemMessage';

type Values = { branchId: string; programId: string; startsOn: string; endsOn: string; amount: string };
const fields = ['programId', 'startsOn', 'endsOn', 'amount'] as const;

/** The programs a sponsor funds, for which period and how much; and a new sponsorship (the API keeps them: no end or delete). */
export function Sponsorships({ sponsorId }: { sponsorId: string }) {
  const { t, i18n } = useTranslation();
  const pages = useCursorPages(sponsorId);
  const branches = useBranches();
  const key = ['sponsors', sponsorId, 'sponsorships'];
  const sponsorships = useQuery({
    queryKey: [...key, pages.cursor],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors/{id}/sponsorships', { params: { path: { id: sponsorId }, query: { cursor: pages.cursor, limit: 25 } } })),
  });
  const amount = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const zoneOf = (branchId: string) => branches.data?.find((b) => b.id === branchId)?.timezone;
  return (
    <section aria-labelledby="sponsorships-title">
      <h2 id="sponsorships-title">{t('admin.sponsorships.title')}</h2>
      {sponsorships.isPending && <Loading />}
      <ProblemMessage words="admin" problem={problemOf(sponsorships.error)} />
      {sponsorships.data && sponsorships.data.items.length === 0 && <p>{t('admin.sponsorships.none')}</p>}
      {sponsorships.data && sponsorships.data.items.length > 0 && (
        <TableWrap label={t('admin.sponsorships.caption')}>
          <table className="table admin-table">
            <caption>{t('admin.sponsorships.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.sponsorships.program')}</th>
                <th scope="col">{t('admin.sponsorships.branch')}</th>
                <th scope="col">{t('admin.sponsorships.period')}</th>
                <th scope="col" className="num">
                  {t('admin.sponsorships.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sponsorships.data.items.map((s) => {
                const zone = zoneOf(s.program.branchId);
                return (
                  <tr key={s.id}>
                    <th scope="row">{s.program.title}</th>
                    <td>{s.program.branchName}</td>
                    <td>
                      {t('admin.sponsorships.from', { from: formatDate(s.startsOn, i18n.language), to: formatDate(s.endsOn, i18n.language) })}
                      {zone && <span className="meta"> ({zone})</span>}
                    </td>
                    <td className="num">{s.amount === null ? '—' : amount.format(s.amount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager pages={pages} nextCursor={sponsorships.data?.nextCursor} />
      <NewSponsorship sponsorId={sponsorId} />
    </section>
  );
}

function NewSponsorship({ sponsorId }: { sponsorId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const branches = useBranches();
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<Values>({ defaultValues: { branchId: '', programId: '', amount: '' } });
  const branchId = watch('branchId');
  const programs = useQuery({
    queryKey: ['programs', 'admin', branchId],
    enabled: !!branchId,
    queryFn: async () => unwrap(await api.GET('/v1/programs', { params: { query: { branchId, limit: 100 } } })).items,
  });
  const create = useMutation({
    mutationFn: async ({ programId, startsOn, endsOn, amount }: Values) =>
      unwrap(
        await api.POST('/v1/sponsors/{id}/sponsorships', {
          params: { path: { id: sponsorId } },
          body: { programId, startsOn, endsOn, amount: amount.trim() ? Number(amount) : undefined },
        }),
      ),
    onSuccess: async () => {
      setProblem(undefined);
      reset();
      await client.invalidateQueries({ queryKey: ['sponsors', sponsorId, 'sponsorships'] });
    },
    onError: (error) => setProblem(applyProblem(error, fields, setError)),
  });
  const required = { required: t('form.required') };
  const err = (name: keyof Values) => formState.errors[name]?.message;
  return (
    <form className="card" noValidate aria-labelledby="new-sponsorship-title" onSubmit={handleSubmit((values) => create.mutate(values))}>
      <h3 id="new-sponsorship-title">{t('admin.sponsorships.new')}</h3>
      <ProblemMessage words="admin" problem={problem} />
      <SelectField label={t('admin.sponsorships.branch')} error={err('branchId')} {...register('branchId', required)}>
        <option value="">{t('admin.sponsorships.pickBranch')}</option>
        {branches.data?.map((branch) => (
          <option key={branch.id} value={branch.id}>
            {branch.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('admin.sponsorships.program')} disabled={!branchId} error={err('programId')} {...register('programId', required)}>
        <option value="">{t('admin.sponsorships.pickProgram')}</option>
        {programs.data?.map((program) => (
          <option key={program.id} value={program.id}>
            {program.title}
          </option>
        ))}
      </SelectField>
      <Field label={t('admin.sponsorships.startsOn')} type="date" error={err('startsOn')} {...register('startsOn', required)} />
      <Field label={t('admin.sponsorships.endsOn')} type="date" error={err('endsOn')} {...register('endsOn', required)} />
      <Field label={t('admin.sponsorships.amountOptional')} type="number" inputMode="decimal" min={0} step="0.01" error={err('amount')} {...register('amount')} />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('admin.sponsorships.create')}
      </button>
    </form>
  );
}
