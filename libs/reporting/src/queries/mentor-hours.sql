-- The SQL of mentor-hours.ts, written by `npm run lint:tables -- --write`: do not edit.

-- MENTOR_HOURS
SELECT m.id AS "mentorId", u.display_name AS "displayName", m.employer_sponsor_id AS "employerSponsorId", sp.name AS "employerName",
     count(*)::int AS sessions, round(sum(v.seconds) / 3600, 2)::float8 AS hours
FROM ${volunteerHours()} v JOIN ${mentors()} m ON m.id = v.mentor_id
JOIN ${accounts()} u ON u.id = m.user_id LEFT JOIN ${sponsorNames()} sp ON sp.id = m.employer_sponsor_id
 WHERE ($1::uuid IS NULL OR m.employer_sponsor_id = $1)
 AND v.starts_at >= $2::timestamptz AND v.starts_at < $3::timestamptz
 AND ($4::uuid[] IS NULL OR v.program_id IN (SELECT p.id FROM ${programTerms()} p WHERE p.branch_id = ANY($4::uuid[])))
 GROUP BY m.id, m.employer_sponsor_id, u.display_name, sp.id, sp.name ORDER BY hours DESC, m.id
