/** A session is held once it has started and was not cancelled (rule 7): only held sessions count for attendance. */
const HELD = `s.status = 'scheduled' AND s.starts_at <= now()`;

/**
 * Read model: every session, as a relation another feature's statement can join (`JOIN ${sessions()} s ON …`).
 * Columns: id, program_id, topic, starts_at, ends_at, status, held.
 */
export function sessions(): string {
  return `(SELECT s.id, s.program_id, s.topic, s.starts_at, s.ends_at, s.status, (${HELD}) AS held FROM session s)`;
}

/** Read model: the sessions held, as a relation. Columns: id, program_id, starts_at, ends_at. */
export function heldSessions(): string {
  return `(SELECT s.id, s.program_id, s.starts_at, s.ends_at FROM session s WHERE ${HELD})`;
}
