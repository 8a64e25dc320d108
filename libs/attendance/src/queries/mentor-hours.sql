-- The SQL of mentor-hours.ts, written by `npm run lint:tables -- --write`: do not edit.

-- mentorHoursByProgram
SELECT p.id AS program_id, p.title, count(*)::int AS sessions, sum(v.seconds)::float8 AS seconds
     FROM ${volunteerHours()} v JOIN ${programTerms()} p ON p.id = v.program_id
    WHERE v.mentor_id = $1 AND ($2::timestamptz IS NULL OR v.starts_at >= $2) AND ($3::timestamptz IS NULL OR v.starts_at < $3)
    GROUP BY p.id, p.title, p.starts_on ORDER BY p.starts_on, p.id
