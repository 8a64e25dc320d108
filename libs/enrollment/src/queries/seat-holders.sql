-- The SQL of seat-holders.ts, written by `npm run lint:tables -- --write`: do not edit.

-- seatHolders
(SELECT e.id, e.program_id, e.participant_id, e.enrolled_at, e.status FROM enrollment e WHERE e.status IN ('enrolled', 'completed'))
