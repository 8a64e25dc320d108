-- The SQL of roll-call.ts, written by `npm run lint:tables -- --write`: do not edit.

-- rows
SELECT sm.mentor_id FROM ${sessionMentors()} sm WHERE sm.session_id = $1 AND sm.mentor_id = ANY($2::uuid[]) AND sm.active

-- lockTeenMarks
SELECT participant_id, status, note FROM attendance WHERE session_id = $1 AND participant_id = ANY($2::uuid[]) FOR UPDATE

-- upsertTeenMarks
INSERT INTO attendance (session_id, participant_id, status, note, method, recorded_by)
   SELECT $1, participant_id, status, note, 'roll_call', $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(participant_id, status, note)
   ON CONFLICT (session_id, participant_id) DO UPDATE
      SET status = EXCLUDED.status, note = EXCLUDED.note, method = 'roll_call', recorded_by = EXCLUDED.recorded_by, updated_at = now()

-- lockMentorMarks
SELECT mentor_id, status FROM mentor_attendance WHERE session_id = $1 AND mentor_id = ANY($2::uuid[]) FOR UPDATE

-- upsertMentorMarks
INSERT INTO mentor_attendance (session_id, mentor_id, status, recorded_by) SELECT $1, mentor_id, status, $4 FROM unnest($2::uuid[], $3::text[]) AS t(mentor_id, status)
   ON CONFLICT (session_id, mentor_id) DO UPDATE SET status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, updated_at = now()

-- sheetTeenMarks
WITH roster AS (SELECT e.participant_id FROM ${seatHolders()} e WHERE e.program_id = $2
                   UNION SELECT participant_id FROM attendance WHERE session_id = $1)
   SELECT r.participant_id, a.status, a.note, a.method, a.checked_in_at FROM roster r
     LEFT JOIN attendance a ON a.session_id = $1 AND a.participant_id = r.participant_id

-- sheetMentorMarks
SELECT sm.mentor_id AS "mentorId", sm.display_name AS "displayName", sm.role, ma.status
     FROM ${sessionMentors()} sm LEFT JOIN mentor_attendance ma ON ma.session_id = sm.session_id AND ma.mentor_id = sm.mentor_id
    WHERE sm.session_id = $1 ORDER BY sm.role DESC, sm.display_name
