-- The SQL of teen-rates.ts, written by `npm run lint:tables -- --write`: do not edit.

-- TEEN_RATES
WITH teens AS (
SELECT e.program_id, e.participant_id, e.enrolled_at FROM ${seatHolders()} e
 WHERE ($1::uuid IS NULL OR e.program_id = $1) AND ($2::uuid[] IS NULL OR e.participant_id = ANY($2::uuid[]))
   AND ($3::uuid[] IS NULL OR e.program_id IN (SELECT p.id FROM ${programTerms()} p
         WHERE p.branch_id = ANY($3::uuid[]) AND p.status = 'published' AND NOT p.ended))
), marks AS (
SELECT t.program_id, t.participant_id, s.id AS session_id, s.starts_at, s.ends_at, a.status
  FROM teens t
  JOIN ${heldSessions()} s ON s.program_id = t.program_id AND s.ends_at > t.enrolled_at
  LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = t.participant_id
), last_came AS (
SELECT program_id, participant_id, max(starts_at) AS at FROM marks WHERE status IN ('present', 'late') GROUP BY program_id, participant_id
)
SELECT c.*, p.ended, p.completion_threshold, p.title, p.branch_id FROM (
SELECT t.program_id, t.participant_id, t.enrolled_at,
       count(m.session_id)::int AS held,
       count(*) FILTER (WHERE m.status = 'present')::int AS present,
       count(*) FILTER (WHERE m.status = 'late')::int AS late,
       count(*) FILTER (WHERE m.status = 'absent')::int AS absent,
       count(*) FILTER (WHERE m.status = 'excused')::int AS excused,
       count(*) FILTER (WHERE m.session_id IS NOT NULL AND m.status IS NULL)::int AS unrecorded,
       -- A session still going on, not yet recorded, is no absence in a row yet: the roll may still be taken.
       count(*) FILTER (WHERE m.session_id IS NOT NULL AND (m.status = 'absent' OR (m.status IS NULL AND m.ends_at <= now())) AND m.starts_at > COALESCE(l.at, '-infinity'))::int AS streak
  FROM teens t
  LEFT JOIN marks m ON m.program_id = t.program_id AND m.participant_id = t.participant_id
  LEFT JOIN last_came l ON l.program_id = t.program_id AND l.participant_id = t.participant_id
 GROUP BY t.program_id, t.participant_id, t.enrolled_at
) c
-- The program's terms joined to the counts, not before them: `ended` is worked out once per seat, not per session.
JOIN ${programTerms()} p ON p.id = c.program_id
ORDER BY p.starts_on, c.enrolled_at
