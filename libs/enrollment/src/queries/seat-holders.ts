import type { EntityManager } from 'typeorm';
import type { EnrollmentStatus } from '../enrollment.entity';

/** The statuses that hold a seat (rule 1): enrolled, or completed the program. Waitlisted and withdrawn teens hold none. */
export const SEAT_HOLDER_STATUSES = ['enrolled', 'completed'] as const satisfies readonly EnrollmentStatus[];

/**
 * Read model: the seats, one row per teen holding one, as a relation another feature's statement can join
 * (`JOIN ${seatHolders()} e ON …`). Columns: id, program_id, participant_id, enrolled_at, status.
 */
export function seatHolders(): string {
  return `(SELECT e.id, e.program_id, e.participant_id, e.enrolled_at, e.status FROM enrollment e WHERE e.status IN ('enrolled', 'completed'))`;
}

/** Read model: whether this teen holds a seat in this program. */
export async function holdsSeat(db: EntityManager, programId: string, participantId: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM ${seatHolders()} e WHERE e.program_id = $1 AND e.participant_id = $2`, [programId, participantId]);
  return rows.length > 0;
}

/** Read model: which of these teens hold a seat in this program taken before `before` (a session's end, say). */
export async function seatedBefore(db: EntityManager, programId: string, participantIds: string[], before: Date): Promise<string[]> {
  const rows: { participant_id: string }[] = await db.query(
    `SELECT e.participant_id FROM ${seatHolders()} e WHERE e.program_id = $1 AND e.participant_id = ANY($2::uuid[]) AND e.enrolled_at < $3`,
    [programId, participantIds, before],
  );
  return rows.map((r) => r.participant_id);
}
