-- The SQL of programs-not-ended.ts, written by `npm run lint:tables -- --write`: do not edit.

-- programsNotEnded
(SELECT p.id FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.ends_on >= (now() AT TIME ZONE b.timezone)::date)
