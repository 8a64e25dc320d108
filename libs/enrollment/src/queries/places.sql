-- The SQL of places.ts, written by `npm run lint:tables -- --write`: do not edit.

-- placeBranches
(SELECT e.participant_id, pr.branch_id FROM enrollment e JOIN ${programTerms()} pr ON pr.id = e.program_id
          WHERE e.status IN ('enrolled', 'offered', 'waitlisted', 'completed'))

-- placePrograms
(SELECT DISTINCT e.participant_id, e.program_id, pr.starts_on FROM enrollment e JOIN ${programTerms()} pr ON pr.id = e.program_id)
