/**
 * Whether the mark `status` (a SQL expression of an attendance status) counts as attended: present or late,
 * not absent or excused. A predicate rather than a column, so that a consumer's plan keeps the estimates of a
 * filter on the status.
 */
export const attendedSql = (status: string) => `${status} IN ('present', 'late')`;

/**
 * Read model: every teen's mark at every session, as a relation another feature's statement can join.
 * Columns: session_id, participant_id, status (attended or not: `attendedSql`).
 */
export function attendanceMarks(): string {
  return `(SELECT a.session_id, a.participant_id, a.status FROM attendance a)`;
}
