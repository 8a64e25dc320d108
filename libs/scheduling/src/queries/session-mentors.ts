import { accounts } from '@codeshelf/identity';

/**
 * Read model: the mentors assigned to each session, past assignments and a cancelled session's included (`active`
 * false), with the mentor's display name, first name (the first word of it) and login address, as a relation
 * another feature's statement can join (`FROM ${sessionMentors()} sm WHERE sm.session_id = …`).
 * Columns: session_id, mentor_id, role, active, display_name, first_name, email.
 */
export function sessionMentors(): string {
  return `(SELECT sm.session_id, sm.mentor_id, sm.role, sm.active, u.display_name, split_part(u.display_name, ' ', 1) AS first_name, u.email
     FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN ${accounts()} u ON u.id = m.user_id)`;
}
