-- The SQL of held-sessions.ts, written by `npm run lint:tables -- --write`: do not edit.

-- sessions
(SELECT s.id, s.program_id, s.topic, s.starts_at, s.ends_at, s.status, (${HELD}) AS held FROM session s)

-- heldSessions
(SELECT s.id, s.program_id, s.starts_at, s.ends_at FROM session s WHERE ${HELD})
