-- The SQL of attended-sessions.ts, written by `npm run lint:tables -- --write`: do not edit.

-- attendedSessions
(SELECT a.participant_id, a.session_id, s.program_id, s.starts_at, s.ends_at, EXTRACT(EPOCH FROM s.ends_at - s.starts_at) AS seconds
   FROM attendance a JOIN ${heldSessions()} s ON s.id = a.session_id
  WHERE a.status IN ('present', 'late'))
