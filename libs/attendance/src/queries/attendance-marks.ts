/**
 * Read model: each recorded mark (one per teen and session), as a relation another feature's statement can
 * join (`LEFT JOIN ${attendanceMarks()} a ON a.session_id = … AND a.participant_id = …`). An unrecorded teen has
 * no row. Columns: session_id, participant_id, status, away (true when marked absent or excused).
 */
export function attendanceMarks(): string {
  return `(SELECT a.session_id, a.participant_id, a.status, a.status IN ('absent', 'excused') AS away FROM attendance a)`;
}
