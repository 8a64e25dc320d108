-- The SQL of issuance.ts, written by `npm run lint:tables -- --write`: do not edit.

-- rows
SELECT a.participant_id, round(sum(a.seconds) / 3600, 2) AS hours FROM ${attendedSessions()} a
    WHERE a.program_id = $1 AND a.participant_id = ANY($2::uuid[]) GROUP BY a.participant_id

-- ISSUE
INSERT INTO certificate (program_id, participant_id, code, hours_attended, issued_by)
SELECT $1, t.participant_id, t.code, t.hours, $5 FROM unnest($2::uuid[], $3::text[], $4::numeric[]) AS t(participant_id, code, hours)
-- A teen who has one (revoked included) keeps it: issuing again, or twice at once, issues nothing more.
ON CONFLICT (program_id, participant_id) DO NOTHING
RETURNING id, program_id AS "programId", participant_id AS "participantId", code, hours_attended AS "hoursAttended", issued_at AS "issuedAt",
        issued_by AS "issuedBy", revoked_at AS "revokedAt", revoked_reason AS "revokedReason", revoked_by AS "revokedBy", erased_at AS "erasedAt"
