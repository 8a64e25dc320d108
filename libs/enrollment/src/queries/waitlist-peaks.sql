-- The SQL of waitlist-peaks.ts, written by `npm run lint:tables -- --write`: do not edit.

-- WAITLIST_PEAK
SELECT program_id, max(running)::int AS peak FROM (
SELECT e.program_id, sum(ev.delta) OVER (PARTITION BY e.program_id ORDER BY ev.at, ev.delta ROWS UNBOUNDED PRECEDING) AS running
  FROM enrollment e
 CROSS JOIN LATERAL (VALUES (e.created_at, 1), (COALESCE(e.enrolled_at, e.withdrawn_at), -1)) AS ev(at, delta)
 WHERE e.program_id = ANY($1::uuid[]) AND (e.enrolled_at IS NULL OR e.enrolled_at > e.created_at) AND ev.at IS NOT NULL
) events GROUP BY program_id
