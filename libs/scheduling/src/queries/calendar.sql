-- The SQL of calendar.ts, written by `npm run lint:tables -- --write`: do not edit.

-- SESSION_ROWS
SELECT s.id, s.starts_at, s.ends_at, s.topic, s.status, s.sequence, s.updated_at, p.title,
     b.name AS branch_name, b.address AS branch_address, b.timezone, r.name AS room_name
FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
LEFT JOIN room r ON r.id = s.room_id

-- SESSION_ROWS_WITH_PROGRAM
SELECT s.program_id, s.cancel_reason, s.starts_at::text AS sort,

-- PERSONAL
(s.program_id = ANY($2::uuid[])
 OR s.id IN (SELECT sm.session_id FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id WHERE m.user_id = $1))

-- [{ timezone }]
SELECT timezone FROM branch WHERE id = $1

-- personalSchedule
SELECT q.*, EXISTS (SELECT 1 FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id WHERE sm.session_id = q.id AND m.user_id = $1) AS mentoring
     FROM (${SESSION_ROWS_WITH_PROGRAM} WHERE ${PERSONAL} AND s.ends_at > $3::timestamptz AND s.starts_at < $4::timestamptz ${after}
           ORDER BY s.starts_at, s.id LIMIT $5) q ORDER BY q.starts_at, q.id
