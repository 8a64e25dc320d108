-- The SQL of programs.ts, written by `npm run lint:tables -- --write`: do not edit.

-- programs
(SELECT p.id, p.branch_id, p.starts_on, p.ends_on, p.status FROM program p)
