import { seatHolders } from '@codeshelf/enrollment';
import { heldSessions } from '@codeshelf/scheduling';

/**
 * Rule 8's standing of every teen at once, as rows `(participant_id, rate)`: attended (present or late) / held
 * over every seat (enrolled or completed), sessions held since the seat was taken, rounded to four places as
 * `RatesService.standing` rounds it; a teen before any held session has no row. For queries that compare many
 * teens' standing without fetching it, such as how many teens share an applicant's attendance band.
 */
export const standingRatesSql = `
  SELECT e.participant_id, round((count(*) FILTER (WHERE a.status IN ('present', 'late')))::numeric / NULLIF(count(*), 0), 4) AS rate
    FROM ${seatHolders()} e
    JOIN ${heldSessions()} s ON s.program_id = e.program_id AND s.ends_at > e.enrolled_at
    LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = e.participant_id
   GROUP BY e.participant_id`;
