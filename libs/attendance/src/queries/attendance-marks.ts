/** A teen attended a session when marked present or late (absent and excused did not). */
const ATTENDED = `a.status IN ('present', 'late')`;

/**
 * Read model: every teen's mark at every session, as a relation another feature's statement can join.
 * Columns: session_id, participant_id, status, attended.
 */
export function attendanceMarks(): string {
  return `(SELECT a.session_id, a.participant_id, a.status, (${ATTENDED}) AS attended FROM attendance a)`;
}
