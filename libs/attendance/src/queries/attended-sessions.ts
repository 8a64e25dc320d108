import { heldSessions } from '@codeshelf/scheduling';

/**
 * Read model: what counts as a teen's attended hours, one row per held session a teen was marked present or
 * late at, with its length in seconds, as a relation another feature's statement can join.
 * Columns: participant_id, session_id, program_id, starts_at, ends_at, seconds.
 */
export function attendedSessions(): string {
  return `(SELECT a.participant_id, a.session_id, s.program_id, s.starts_at, s.ends_at, EXTRACT(EPOCH FROM s.ends_at - s.starts_at) AS seconds
     FROM attendance a JOIN ${heldSessions()} s ON s.id = a.session_id
    WHERE a.status IN ('present', 'late'))`;
}
