-- The SQL of seats.ts, written by `npm run lint:tables -- --write`: do not edit.

-- ENROLL
WITH seat AS (
${takeSeatOrPlace('$1')}
), placed AS (
-- Only a seat leaves the waitlist empty: a waitlist place makes it at least 1, and that is the place.
INSERT INTO enrollment (program_id, participant_id, status, waitlist_position, source, enrolled_at)
SELECT id, $2, CASE WHEN waitlisted_count = 0 THEN 'enrolled' ELSE 'waitlisted' END, NULLIF(waitlisted_count, 0), $3,
       CASE WHEN waitlisted_count = 0 THEN now() END
  FROM seat
RETURNING id, program_id AS "programId", participant_id AS "participantId", status, waitlist_position AS "waitlistPosition", source,
          enrolled_at AS "enrolledAt", withdrawn_at AS "withdrawnAt", created_at AS "createdAt", updated_at AS "updatedAt"
), told AS (
${outboxInsertFrom(
  'placed',
  `'enrollment.' || status`,
  `jsonb_build_object('enrollmentId', id, 'programId', "programId", 'participantId', "participantId", 'status', status, 'waitlistPosition', "waitlistPosition")`,
)}
), audited AS (
${auditInsertFrom('placed', {
  actorId: '$4::uuid',
  actorKind: '$5',
  action: `'enrollment.created'`,
  entity: `'enrollment'`,
  entityId: 'id',
  changes: `jsonb_build_object('programId', "programId", 'participantId', "participantId", 'status', status, 'waitlistPosition', "waitlistPosition")`,
  requestId: '$6',
})}
)
SELECT * FROM placed

-- leaveWaitlist
UPDATE enrollment SET waitlist_position = waitlist_position - 1 WHERE program_id = $1 AND status = 'waitlisted' AND waitlist_position > $2

-- [promoted]
UPDATE enrollment SET status = 'enrolled', waitlist_position = NULL, enrolled_at = now(), updated_at = now()
    WHERE program_id = $1 AND status = 'waitlisted' AND waitlist_position <= $2
    RETURNING id, participant_id AS "participantId"

-- promoteFromWaitlist
UPDATE enrollment SET waitlist_position = waitlist_position - $2 WHERE program_id = $1 AND status = 'waitlisted'

-- moveToFront
UPDATE enrollment SET waitlist_position = waitlist_position + 1 WHERE program_id = $1 AND status = 'waitlisted' AND waitlist_position < $2

-- moveToFront
UPDATE enrollment SET waitlist_position = 1, updated_at = now() WHERE id = $1

-- enrollmentsToRelease
SELECT e.id, e.program_id FROM enrollment e LEFT JOIN ${programsNotEnded()} p ON p.id = e.program_id
    WHERE e.participant_id = $1 AND (e.status = 'waitlisted' OR (e.status = 'enrolled' AND p.id IS NOT NULL))
    ORDER BY e.program_id
