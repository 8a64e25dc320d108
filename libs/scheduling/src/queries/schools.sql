-- The SQL of schools.ts, written by `npm run lint:tables -- --write`: do not edit.

-- schools
(SELECT sc.id, sc.branch_id, sc.name FROM school sc)
