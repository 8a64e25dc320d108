import { displayNames } from '@codeshelf/identity';

/**
 * Read model: the mentors assigned to each session, past assignments included (`active` false), with the
 * mentor's display name, as a relation another feature's statement can join.
 * Columns: session_id, mentor_id, role, active, display_name.
 */
export function sessionMentors(): string {
  // Left joins on keys the foreign keys guarantee: the same rows, and a statement that reads no name skips both joins.
  return `(SELECT sm.session_id, sm.mentor_id, sm.role, sm.active, u.display_name
     FROM session_mentor sm LEFT JOIN mentor m ON m.id = sm.mentor_id LEFT JOIN ${displayNames()} u ON u.id = m.user_id)`;
}
