-- The SQL of program-attendance.ts, written by `npm run lint:tables -- --write`: do not edit.

-- programSessionCounts
SELECT s.id AS session_id, s.starts_at, s.status, s.held,
          (SELECT count(*) FROM ${seatHolders()} e WHERE e.program_id = s.program_id AND e.enrolled_at < s.ends_at)::int AS expected,
          count(a.*) FILTER (WHERE a.status = 'present')::int AS present, count(a.*) FILTER (WHERE a.status = 'late')::int AS late,
          count(a.*) FILTER (WHERE a.status = 'absent')::int AS absent, count(a.*) FILTER (WHERE a.status = 'excused')::int AS excused
     FROM ${sessions()} s LEFT JOIN attendance a ON a.session_id = s.id
    WHERE s.program_id = $1 GROUP BY s.id, s.starts_at, s.status, s.held, s.program_id, s.ends_at ORDER BY s.starts_at, s.id

-- programMarks
SELECT a.participant_id AS "participantId", a.session_id AS "sessionId", a.status
     FROM attendance a JOIN ${sessions()} s ON s.id = a.session_id WHERE s.program_id = $1 ORDER BY s.starts_at, a.participant_id
