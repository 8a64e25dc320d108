-- The SQL of program-overviews.ts, written by `npm run lint:tables -- --write`: do not edit.

-- OVERVIEWS
SELECT p.id, p.title, p.branch_id AS "branchId", b.name AS "branchName", p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.status,
     p.capacity, p.enrolled_count AS "enrolledCount", p.waitlisted_count AS "waitlistedCount"
FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = ANY($1::uuid[])
