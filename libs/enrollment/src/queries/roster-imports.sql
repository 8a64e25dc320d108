-- The SQL of roster-imports.ts, written by `npm run lint:tables -- --write`: do not edit.

-- rows
SELECT participant_id FROM enrollment WHERE program_id = $1 AND participant_id = ANY($2::uuid[]) AND status = ANY($3::text[])
