import { sessions } from '@codeshelf/scheduling';

/**
 * Read model: what counts as volunteering, one row per session a mentor was recorded present at that was not
 * cancelled, with its length in seconds, as a relation another feature's statement can join.
 * Columns: mentor_id, session_id, program_id, starts_at, ends_at, seconds.
 */
export function volunteerHours(): string {
  return `(SELECT ma.mentor_id, ma.session_id, s.program_id, s.starts_at, s.ends_at, EXTRACT(EPOCH FROM s.ends_at - s.starts_at) AS seconds
     FROM mentor_attendance ma JOIN ${sessions()} s ON s.id = ma.session_id
    WHERE ma.status = 'present' AND s.status = 'scheduled')`;
}
