import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { Field, SelectField } from '../ui/Field';
import { Loading } from '../ui/Layout';
import { ProblemMessage } from '../ui/ProblemMessage';
import { ShowMore, usePagedList } from '../ui/paging';
import { problemOf } from '../ui/problem';
import { ProgramCard } from './ProgramCard';
import { useBranches } from './queries';

const levels = ['beginner', 'intermediate', 'advanced'] as const;
const pageSize = 24;

/** The public catalogue: published programs, filtered by branch, age and level (kept in the address). */
export function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const branchId = params.get('branch') ?? '';
  const age = params.get('age') ?? '';
  const level = params.get('level') ?? '';
  const branches = useBranches();
  const programs = usePagedList(['programs', { branchId, age, level }], async (cursor) =>
    unwrap(
      await api.GET('/v1/programs', {
        params: {
          query: {
            status: 'published',
            limit: pageSize,
            cursor,
            branchId: branchId || undefined,
            age: age ? Number(age) : undefined,
            level: (levels as readonly string[]).includes(level) ? (level as (typeof levels)[number]) : undefined,
          },
        },
      }),
    ),
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return (
    <section>
      <h1>{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.intro')}</p>
      <form className="filters" role="search" aria-label={t('catalogue.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField label={t('catalogue.branch')} value={branchId} onChange={(event) => set('branch', event.target.value)}>
          <option value="">{t('catalogue.anyBranch')}</option>
          {branches.data?.map((branch) => (
            <option key={branch.id} value={branch.id}>
              {branch.name}
            </option>
          ))}
        </SelectField>
        <Field label={t('catalogue.age')} type="number" inputMode="numeric" min={5} max={25} value={age} onChange={(event) => set('age', event.target.value)} />
        <SelectField label={t('catalogue.level')} value={level} onChange={(event) => set('level', event.target.value)}>
          <option value="">{t('catalogue.anyLevel')}</option>
          {levels.map((value) => (
            <option key={value} value={value}>
              {t(`levels.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>
      {programs.isPending && <Loading />}
      <ProblemMessage problem={problemOf(programs.error)} />
      {programs.isSuccess && (
        <>
          <p role="status">{t(programs.hasNextPage ? 'catalogue.countMore' : 'catalogue.count', { count: programs.items.length })}</p>
          <div className="cards">
            {programs.items.map((program) => (
              <ProgramCard key={program.id} program={program} branch={branches.data?.find((branch) => branch.id === program.branchId)} />
            ))}
          </div>
          <ShowMore list={programs} label={t('catalogue.more')} />
        </>
      )}
    </section>
  );
}
