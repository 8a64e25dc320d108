import type { EntityManager } from 'typeorm';

/**
 * Peak waitlist per program from the enrollment rows' own times: a teen joined the line at `created_at` if
 * they did not get a seat at once, and left it on promotion or withdrawal.
 */
const WAITLIST_PEAK = `
SELECT program_id, max(running)::int AS peak FROM (
  SELECT e.program_id, sum(ev.delta) OVER (PARTITION BY e.program_id ORDER BY ev.at, ev.delta ROWS UNBOUNDED PRECEDING) AS running
    FROM enrollment e
   CROSS JOIN LATERAL (VALUES (e.created_at, 1), (COALESCE(e.enrolled_at, e.withdrawn_at), -1)) AS ev(at, delta)
   WHERE e.program_id = ANY($1::uuid[]) AND (e.enrolled_at IS NULL OR e.enrolled_at > e.created_at) AND ev.at IS NOT NULL
) events GROUP BY program_id`;

/** Read model: the most teens each of these programs ever had on its waitlist at once; a program never waitlisted has no row. */
export async function waitlistPeaks(db: EntityManager, programIds: string[]): Promise<{ program_id: string; peak: number }[]> {
  return db.query(WAITLIST_PEAK, [programIds]);
}
