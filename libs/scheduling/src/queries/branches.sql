-- The SQL of branches.ts, written by `npm run lint:tables -- --write`: do not edit.

-- branches
(SELECT b.id, b.name, b.timezone FROM branch b)
