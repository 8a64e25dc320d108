-- The SQL of attendance-notes.ts, written by `npm run lint:tables -- --write`: do not edit.

-- eraseAttendanceNotes
UPDATE attendance SET note = NULL WHERE participant_id = $1 AND note IS NOT NULL
