-- The SQL of pending-enrollments.ts, written by `npm run lint:tables -- --write`: do not edit.

-- addPendingEnrollments
INSERT INTO pending_enrollment (program_id, participant_id, requested_by) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT (participant_id, program_id) DO NOTHING

-- [rows]
DELETE FROM pending_enrollment WHERE participant_id = $1 RETURNING program_id AS "programId", requested_by AS "requestedBy"
