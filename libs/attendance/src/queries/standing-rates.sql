-- The SQL of standing-rates.ts, written by `npm run lint:tables -- --write`: do not edit.

-- standingRatesSql
SELECT e.participant_id, round((count(*) FILTER (WHERE a.status IN ('present', 'late')))::numeric / NULLIF(count(*), 0), 4) AS rate
  FROM ${seatHolders()} e
  JOIN ${heldSessions()} s ON s.program_id = e.program_id AND s.ends_at > e.enrolled_at
  LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = e.participant_id
 GROUP BY e.participant_id
