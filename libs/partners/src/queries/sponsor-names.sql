-- The SQL of sponsor-names.ts, written by `npm run lint:tables -- --write`: do not edit.

-- sponsorNames
(SELECT sp.id, sp.name FROM sponsor sp)
