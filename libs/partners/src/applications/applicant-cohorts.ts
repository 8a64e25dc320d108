import { standingRatesSql } from '@codeshelf/attendance';
import { type AppEnv, envConfig, TransactionService } from '@codeshelf/core';
import { Inject, Injectable } from '@nestjs/common';
import { type Cohort, type Disclosure, type DisclosurePlan, shownOf } from './applicant-profile';

/** A participant's age today (UTC, as `ageOn(birthDate, todayUtc())` has it), in whole years. */
const AGE = `date_part('year', age((now() AT TIME ZONE 'UTC')::date, pt.birth_date))`;

/**
 * The library's teens (not erased) with their age and standing rate, worked out once for the whole walk: a rate
 * per teen per cohort tried would cost cohorts × teens rate lookups (minutes on a library of thousands).
 */
const TEENS = `teens AS MATERIALIZED (
  SELECT pt.id, ${AGE} AS age, st.rate FROM participant pt LEFT JOIN (${standingRatesSql}) st ON st.participant_id = pt.id WHERE pt.erased_at IS NULL
)`;

/** A cohort's age and rate as the walk reads them (`c`); its programs are the walk's own (`q.programs`). */
const COHORT_COLUMNS = 'c(age_min int, age_max int, unheld boolean, held boolean, held_min numeric, held_below numeric, any_rate boolean)';

/**
 * Whether at least $2 (REPORT_MIN_CELL) teens of the library (participants not erased) are in the cohort `c`
 * and hold a seat in every program of `q.programs`. The count stops at $2, so a common profile costs a few
 * rows, not the whole library.
 */
const ENOUGH = `(
  SELECT count(*) >= $2 FROM (
    SELECT 1 FROM teens pt
     WHERE (c.age_min IS NULL OR pt.age >= c.age_min) AND (c.age_max IS NULL OR pt.age <= c.age_max)
       AND NOT EXISTS (SELECT 1 FROM unnest(q.programs) AS need(id) WHERE NOT EXISTS (
             SELECT 1 FROM enrollment se WHERE se.participant_id = pt.id AND se.program_id = need.id AND se.status IN ('enrolled', 'completed')))
       AND (c.any_rate OR CASE WHEN pt.rate IS NULL THEN c.unheld
                               ELSE c.held AND (c.held_min IS NULL OR pt.rate >= c.held_min) AND (c.held_below IS NULL OR pt.rate < c.held_below) END)
     LIMIT $2) cohort)`;

/**
 * The walk of every plan ($1: [{ key, start, bands, programs }]) at once, one step per row: the first steps try the
 * band alternatives in turn until one holds, then each next step tries one program on what is kept so far.
 */
const WALK = `
WITH RECURSIVE ${TEENS}, plan AS (
  SELECT p.*, jsonb_array_length(p.bands) AS bands_n FROM jsonb_to_recordset($1::jsonb) AS p(key int, start jsonb, bands jsonb, programs uuid[])
), walk AS (
  SELECT p.key, 0 AS step, NULL::int AS band, p.start AS cohort, '{}'::uuid[] AS kept FROM plan p
  UNION ALL
  SELECT w.key, w.step + 1,
         CASE WHEN t.ok AND w.step < p.bands_n THEN w.step ELSE w.band END,
         CASE WHEN t.ok AND w.step < p.bands_n THEN p.bands -> w.step ELSE w.cohort END,
         CASE WHEN t.ok AND w.step >= p.bands_n THEN q.programs ELSE w.kept END
    FROM walk w
    JOIN plan p ON p.key = w.key
    CROSS JOIN LATERAL jsonb_to_record(CASE WHEN w.step < p.bands_n THEN p.bands -> w.step ELSE w.cohort END) AS ${COHORT_COLUMNS}
    CROSS JOIN LATERAL (SELECT CASE WHEN w.step < p.bands_n THEN w.kept ELSE w.kept || p.programs[w.step - p.bands_n + 1] END AS programs) q
    -- Once a band alternative held, the others are not asked.
    CROSS JOIN LATERAL (SELECT CASE WHEN w.step < p.bands_n AND w.band IS NOT NULL THEN false ELSE ${ENOUGH} END AS ok OFFSET 0) t
   WHERE w.step < p.bands_n + cardinality(p.programs)
)
SELECT w.key, w.band, w.kept AS programs FROM walk w JOIN plan p ON p.key = w.key WHERE w.step = p.bands_n + cardinality(p.programs)`;

const asRow = (c: Cohort) => ({
  age_min: c.age.min,
  age_max: c.age.max,
  unheld: c.rate.unheld,
  held: c.rate.held !== null,
  held_min: c.rate.held?.min ?? null,
  held_below: c.rate.held?.below ?? null,
  any_rate: c.rate.unheld && c.rate.held !== null && c.rate.held.min === null && c.rate.held.below === null,
});

/**
 * Counts the teens of cohorts, up to REPORT_MIN_CELL: whether a private applicant's profile is shared by
 * enough teens of the library (participants not erased, the applicant among them) to be shown.
 */
@Injectable()
export class ApplicantCohorts {
  readonly minimum: number;

  constructor(
    private readonly transactions: TransactionService,
    @Inject(envConfig.KEY) env: AppEnv,
  ) {
    this.minimum = env.REPORT_MIN_CELL;
  }

  /** What to show of each private applicant, by its plan (see `DisclosurePlan`): one statement for them all. */
  async disclose(plans: DisclosurePlan[]): Promise<Disclosure[]> {
    if (!plans.length) return [];
    // The walk's programs start empty: a plan's cohorts name none (only its candidates do).
    const input = plans.map((plan, key) => ({ key, start: asRow(plan.start), bands: plan.bands.map((b) => asRow(b.cohort)), programs: plan.programIds }));
    const rows: { key: number; band: number | null; programs: string[] }[] = await this.transactions.run(async (manager) => {
      // The planner's guess of the walk's cost is far above jit_above_cost, and compiling it takes longer than running it.
      await manager.query('SET LOCAL jit = off');
      return manager.query(WALK, [JSON.stringify(input), this.minimum]);
    });
    const walked = new Map(rows.map((r) => [r.key, r]));
    return plans.map((plan, key) => shownOf(plan, walked.get(key)!.band, walked.get(key)!.programs));
  }
}
