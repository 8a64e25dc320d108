import { sessions } from '@codeshelf/scheduling';

/**
 * Read model: each program's ratings over its held sessions, as a relation another feature's statement can
 * join (`LEFT JOIN ${feedbackByProgram()} fb ON fb.program_id = p.id`). An erased teen's ratings still count.
 * Columns: program_id, raters (distinct teens who rated), ratings (how many), average (numeric).
 */
export function feedbackByProgram(): string {
  return `(SELECT s.program_id, count(DISTINCT f.participant_id)::int AS raters, count(*)::int AS ratings, avg(f.rating) AS average
     FROM session_feedback f JOIN ${sessions()} s ON s.id = f.session_id WHERE s.held GROUP BY s.program_id)`;
}
