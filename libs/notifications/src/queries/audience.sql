-- The SQL of audience.ts, written by `npm run lint:tables -- --write`: do not edit.

-- AUDIENCE
SELECT t.id, t.first_name, t.email FROM ${seatHolders()} e JOIN ${teenContacts()} t ON t.id = e.participant_id
                 WHERE e.program_id = $1 AND e.status = 'enrolled'
                UNION ALL
                SELECT m.mentor_id, m.first_name, m.email FROM ${sessionMentors()} m WHERE m.session_id = $2
                ORDER BY 1
