-- The SQL of program-facts.ts, written by `npm run lint:tables -- --write`: do not edit.

-- [program]
SELECT p.title, p.starts_on::text AS "startsOn", b.timezone FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = $1

-- [session]
SELECT s.starts_at AS "startsAt", p.title, b.timezone FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
    WHERE s.id = $1 AND s.status = 'scheduled' AND s.starts_at > now() AND p.status = 'published'
