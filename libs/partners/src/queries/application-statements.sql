-- The SQL of application-statements.ts, written by `npm run lint:tables -- --write`: do not edit.

-- eraseApplicationStatements
UPDATE application SET statement = '' WHERE participant_id = $1
