-- The SQL of attendance-marks.ts, written by `npm run lint:tables -- --write`: do not edit.

-- attendanceMarks
(SELECT a.session_id, a.participant_id, a.status, a.status IN ('absent', 'excused') AS away FROM attendance a)
