/**
 * Read model: each rating (1–5) a teen gave a session, without the comment, as a relation another feature's
 * statement can join by session (the unique key's index leads with session_id). An erased teen's ratings stay,
 * so the aggregates made of them stay the same (rule 10). Columns: session_id, participant_id, rating.
 */
export function ratingsGiven(): string {
  return `(SELECT f.session_id, f.participant_id, f.rating FROM session_feedback f)`;
}
