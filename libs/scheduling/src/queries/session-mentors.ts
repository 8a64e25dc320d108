import { accounts } from '@codeshelf/identity';

/**
 * Read model: the mentors assigned to each session, past assignments and a cancelled session's included (`active`
 * false), with the mentor's display name, first name (its first word: all the public ever sees of a mentor) and login address, as a relation
 * another feature's statement can join (`FROM ${sessionMentors()} sm WHERE sm.session_id = …`).
 * Columns: session_id, mentor_id, role, active, display_name, first_name, email.
 */
export function sessionMentors(): string {
  return `(SELECT sm.session_id, sm.mentor_id, sm.role, sm.active, u.display_name, (regexp_split_to_array(btrim(u.display_name), '\\s+'))[1] AS first_name, u.email
     FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN ${accounts()} u ON u.id = m.user_id)`;
}
