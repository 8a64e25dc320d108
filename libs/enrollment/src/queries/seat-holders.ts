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
