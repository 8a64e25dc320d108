-- The SQL of participant-names.ts, written by `npm run lint:tables -- --write`: do not edit.

-- PARTICIPANT_NAMES
SELECT id, first_name AS "firstName", last_name AS "lastName" FROM participant WHERE id = ANY($1::uuid[]) AND erased_at IS NULL
