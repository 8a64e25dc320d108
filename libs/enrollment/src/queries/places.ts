import { programTerms } from '@codeshelf/scheduling';
import type { EnrollmentStatus } from '../enrollment.entity';

/** The statuses of a place that makes a teen their program's branch's teen: enrolled, offered, waitlisted or completed; not withdrawn. */
export const PLACE_STATUSES = ['enrolled', 'offered', 'waitlisted', 'completed'] as const satisfies readonly EnrollmentStatus[];

/**
 * Read model: the branches where teens have a place (see PLACE_STATUSES), as a relation another feature's
 * statement can join. Columns: participant_id, branch_id (a teen with places in several programs of a branch
 * gives several rows). `enrollment(participant_id, …)` is indexed.
 */
export function placeBranches(): string {
  return `(SELECT e.participant_id, pr.branch_id FROM enrollment e JOIN ${programTerms()} pr ON pr.id = e.program_id
            WHERE e.status IN ('enrolled', 'offered', 'waitlisted', 'completed'))`;
}

/**
 * Read model: every program a teen ever had a place in, whatever became of it (withdrawn too), once per
 * program, as a relation. Columns: participant_id, program_id, starts_on.
 */
export function placePrograms(): string {
  return `(SELECT DISTINCT e.participant_id, e.program_id, pr.starts_on FROM enrollment e JOIN ${programTerms()} pr ON pr.id = e.program_id)`;
}
