-- The SQL of program-sponsors.ts, written by `npm run lint:tables -- --write`: do not edit.

-- rows
SELECT s.name FROM sponsorship sp JOIN sponsor s ON s.id = sp.sponsor_id WHERE sp.program_id = $1 ORDER BY s.name
