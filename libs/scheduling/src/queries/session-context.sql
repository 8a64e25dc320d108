-- The SQL of session-context.ts, written by `npm run lint:tables -- --write`: do not edit.

-- [row]
SELECT s.id, s.program_id AS "programId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status, p.branch_id AS "branchId",
          p.status AS "programStatus", b.timezone
     FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id WHERE s.id = $1

-- [{ status }]
SELECT status FROM session WHERE id = $1 FOR SHARE
