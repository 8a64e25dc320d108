-- The SQL of programs-at-branches.ts, written by `npm run lint:tables -- --write`: do not edit.

-- programsAtBranches
SELECT p.id, p.title, p.status, p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.branch_id AS "branchId", b.name AS "branchName", p.timezone, p.ended
     FROM ${programTerms()} p JOIN branch b ON b.id = p.branch_id WHERE p.id = ANY($1::uuid[])
