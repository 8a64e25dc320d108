-- The SQL of cohort-walk.ts, written by `npm run lint:tables -- --write`: do not edit.

-- TEENS
teens AS MATERIALIZED (
SELECT pt.id, pt.age, st.rate FROM ${participantAges()} pt LEFT JOIN (${standingRatesSql}) st ON st.participant_id = pt.id
)

-- ENOUGH
(
SELECT count(*) >= $2 FROM (
  SELECT 1 FROM teens pt
   WHERE (c.age_min IS NULL OR pt.age >= c.age_min) AND (c.age_max IS NULL OR pt.age <= c.age_max)
     AND NOT EXISTS (SELECT 1 FROM unnest(q.programs) AS need(id) WHERE NOT EXISTS (
           SELECT 1 FROM ${seatHolders()} se WHERE se.participant_id = pt.id AND se.program_id = need.id))
     AND (c.any_rate OR CASE WHEN pt.rate IS NULL THEN c.unheld
                             ELSE c.held AND (c.held_min IS NULL OR pt.rate >= c.held_min) AND (c.held_below IS NULL OR pt.rate < c.held_below) END)
   LIMIT $2) cohort)

-- WALK
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
SELECT w.key, w.band, w.kept AS programs FROM walk w JOIN plan p ON p.key = w.key WHERE w.step = p.bands_n + cardinality(p.programs)
