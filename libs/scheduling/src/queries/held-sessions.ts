/**
 * Read model: every session, as a relation another feature's statement can join (`JOIN ${sessions()} s ON …`).
 * `held`: the session has started and was not cancelled (rule 7); only held sessions count for attendance.
 * Columns: id, program_id, starts_at, ends_at, status, topic, held.
 */
export function sessions(): string {
  return `(SELECT s.id, s.program_id, s.starts_at, s.ends_at, s.status, s.topic, (s.status = 'scheduled' AND s.starts_at <= now()) AS held FROM session s)`;
}

/** Read model: the sessions held, as a relation. Columns: id, program_id, starts_at, ends_at. */
export function heldSessions(): string {
  return `(SELECT s.id, s.program_id, s.starts_at, s.ends_at FROM ${sessions()} s WHERE s.held)`;
}
