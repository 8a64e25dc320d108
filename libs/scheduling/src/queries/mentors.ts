/**
 * Read model: every mentor, with the sponsor that employs them (whose volunteering their hours count as), as a
 * relation another feature's statement can join. Columns: id, user_id, employer_sponsor_id.
 */
export function mentors(): string {
  return `(SELECT m.id, m.user_id, m.employer_sponsor_id FROM mentor m)`;
}
