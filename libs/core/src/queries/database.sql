-- The SQL of database.ts, written by `npm run lint:tables -- --write`: do not edit.

-- { rowCount }
SELECT 1 FROM pg_database WHERE datname = $1
