import type { EntityManager } from 'typeorm';
import { ACTIVE_STATUSES } from '../enrollment.entity';

/**
 * Roster imports run one at a time (a transaction-scoped advisory lock): two imports of overlapping rosters
 * would each miss the other's new teens and create them twice.
 */
export async function lockRosterImports(db: EntityManager): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('codeshelf:roster-import'))`);
}

/** Which of the teens already have an active enrollment (enrolled, offered or waitlisted) in the program. */
export async function activeEnrollees(db: EntityManager, programId: string, participantIds: string[]): Promise<Set<string>> {
  if (!participantIds.length) return new Set();
  const rows: { participant_id: string }[] = await db.query(
    `SELECT participant_id FROM enrollment WHERE program_id = $1 AND participant_id = ANY($2::uuid[]) AND status = ANY($3::text[])`,
    [programId, participantIds, ACTIVE_STATUSES],
  );
  return new Set(rows.map((r) => r.participant_id));
}
