import { accounts } from '@codeshelf/identity';

/**
 * Read model: every mentor assigned to each session, a cancelled session's too (`active` false), with the
 * mentor's first name (the first word of the display name) and login address, as a relation another feature's
 * statement can join (`FROM ${sessionMentorContacts()} m WHERE m.session_id = …`).
 * Columns: session_id, mentor_id, active, first_name, email.
 */
export function sessionMentorContacts(): string {
  return `(SELECT sm.session_id, sm.mentor_id, sm.active, split_part(u.display_name, ' ', 1) AS first_name, u.email
             FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN ${accounts()} u ON u.id = m.user_id)`;
}
