-- The SQL of branch-ids.ts, written by `npm run lint:tables -- --write`: do not edit.

-- branchIds
SELECT id FROM branch
