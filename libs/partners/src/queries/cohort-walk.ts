import { standingRatesSql } from '@codeshelf/attendance';
import { seatHolders } from '@codeshelf/enrollment';
import { participantAges } from '@codeshelf/people';
import type { EntityManager } from 'typeorm';

/**
 * The library's teens (not erased) with their age and standing rate, worked out once for the whole walk: a rate
 * per teen per cohort tried would cost cohorts × teens rate lookups (minutes on a library of thousands).
 */
const TEENS = `teens AS MATERIALIZED (
  SELECT pt.id, pt.age, st.rate FROM ${participantAges()} pt LEFT JOIN (${standingRatesSql}) st ON st.participant_id = pt.id
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
             SELECT 1 FROM ${seatHolders()} se WHERE se.participant_id = pt.id AND se.program_id = need.id))
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

/** One plan of the walk: its start cohort, band alternatives and candidate programs (cohorts as `COHORT_COLUMNS` rows). */
export interface WalkPlan {
  key: number;
  start: Record<string, unknown>;
  bands: Record<string, unknown>[];
  programs: string[];
}

/**
 * Walks every plan at once: per plan, the band alternative that held (or null) and the programs kept, each
 * step kept only while at least `minimum` teens of the library share it. Pass a transaction's manager.
 */
export async function walkCohorts(db: EntityManager, plans: WalkPlan[], minimum: number): Promise<{ key: number; band: number | null; programs: string[] }[]> {
  // The planner's guess of the walk's cost is far above jit_above_cost, and compiling it takes longer than running it.
  await db.query('SET LOCAL jit = off');
  return db.query(WALK, [JSON.stringify(plans), minimum]);
}
