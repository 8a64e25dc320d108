-- The SQL of seat-holders.ts, written by `npm run lint:tables -- --write`: do not edit.

-- seatHolders
(SELECT e.id, e.program_id, e.participant_id, e.enrolled_at, e.status FROM enrollment e WHERE e.status IN ('enrolled', 'completed'))

-- rows
SELECT 1 FROM ${seatHolders()} e WHERE e.program_id = $1 AND e.participant_id = $2

-- rows
SELECT e.participant_id FROM ${seatHolders()} e WHERE e.program_id = $1 AND e.participant_id = ANY($2::uuid[]) AND e.enrolled_at < $3
