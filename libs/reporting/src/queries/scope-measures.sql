-- The SQL of scope-measures.ts, written by `npm run lint:tables -- --write`: do not edit.

-- SCOPE_SQL
WITH held AS (
SELECT s.id, s.starts_at, s.ends_at
  FROM ${heldSessions()} s JOIN ${programTerms()} p ON p.id = s.program_id
 WHERE s.program_id = ANY($1::uuid[])
   -- The period's days are the branch's days.
   AND s.starts_at >= ($2::date)::timestamp AT TIME ZONE p.timezone AND s.starts_at < ($3::date)::timestamp AT TIME ZONE p.timezone
), volunteering AS (
-- All the hours and the employer's in one pass: a subquery for each read the volunteering twice, by nested loops.
SELECT COALESCE(round(sum(v.seconds) / 3600, 2), 0)::float8 AS volunteer_hours,
       COALESCE(round(sum(v.seconds) FILTER (WHERE m.employer_sponsor_id = $4) / 3600, 2), 0)::float8 AS employee_volunteer_hours
  FROM ${volunteerHours()} v JOIN ${mentors()} m ON m.id = v.mentor_id WHERE v.session_id = ANY(ARRAY(SELECT id FROM held))
)
SELECT cardinality($1::uuid[]) AS programs,
(SELECT count(*)::int FROM held) AS sessions_held,
(SELECT COALESCE(round(sum(EXTRACT(EPOCH FROM ends_at - starts_at)) / 3600, 2), 0)::float8 FROM held) AS instruction_hours,
(SELECT count(DISTINCT sm.mentor_id)::int FROM ${sessionMentors()} sm WHERE sm.session_id = ANY(ARRAY(SELECT id FROM held))) AS mentors,
vo.volunteer_hours, vo.employee_volunteer_hours
FROM volunteering vo
