import { type AuditActor, auditInsertFrom, outboxInsertFrom } from '@codeshelf/core';
import { addPromoted, programsNotEnded, releasePlace, takeSeatOrPlace } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';
import type { EnrollmentEntity, EnrollmentSource } from '../enrollment.entity';

/**
 * The SQL that keeps rules 1 and 2. Every change to a program's enrollments starts by updating (and so
 * locking) its program row (scheduling's seat ledger, `@codeshelf/scheduling` program-seats); that serializes
 * them per program, across any number of API processes, and the counters on the row are the truth the checks
 * read: `enrolled_count ≤ capacity` is a CHECK, and a deferred trigger checks at commit that both counters
 * equal the rows. The enrollment rows' side is here.
 */

/**
 * A whole enrollment in one statement: the guarded UPDATE takes a seat if one is free and nobody waits (a
 * newcomer never jumps the line), else the next waitlist place if the program keeps a waitlist; then the
 * enrollment row, its outbox message and its audit event are inserted (core's inserts, as parts). Sent on its
 * own (a statement is atomic), it holds the program's row lock for one statement instead of four round trips,
 * so a rush on one program runs at the database's pace rather than the event loop's. No row back: the program
 * is full without a waitlist, or no longer published. Parameters: program, participant, source, actor id and
 * kind, request id. The benchmark's baseline imports it, so both run exactly this statement.
 */
export const ENROLL = `
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
SELECT * FROM placed`;

export interface EnrollRequest {
  programId: string;
  participantId: string;
  source: EnrollmentSource;
  actor: AuditActor;
  requestId: string | null;
}

/** Runs ENROLL: the enrollment placed, or undefined when no seat or place was taken. */
export async function placeEnrollment(db: EntityManager, r: EnrollRequest): Promise<EnrollmentEntity | undefined> {
  const [row] = await db.query(ENROLL, [r.programId, r.participantId, r.source, r.actor.id, r.actor.kind, r.requestId]);
  return row;
}

/** A place in line given back: everyone behind it moves up one, so positions stay 1..n. */
export async function leaveWaitlist(db: EntityManager, programId: string, position: number): Promise<void> {
  await db.query(`UPDATE enrollment SET waitlist_position = waitlist_position - 1 WHERE program_id = $1 AND status = 'waitlisted' AND waitlist_position > $2`, [
    programId,
    position,
  ]);
  await releasePlace(db, programId);
}

/**
 * Fills `freeSeats` seats (the locked program's capacity less its enrolled count) from the head of the
 * waitlist, in order, and closes up the line behind them. The caller holds the program's lock. Answers who
 * was promoted.
 */
export async function promoteFromWaitlist(db: EntityManager, programId: string, freeSeats: number): Promise<{ id: string; participantId: string }[]> {
  const [promoted] = await db.query(
    `UPDATE enrollment SET status = 'enrolled', waitlist_position = NULL, enrolled_at = now(), updated_at = now()
      WHERE program_id = $1 AND status = 'waitlisted' AND waitlist_position <= $2
      RETURNING id, participant_id AS "participantId"`,
    [programId, freeSeats],
  );
  const count = (promoted as unknown[]).length;
  if (count) {
    await db.query(`UPDATE enrollment SET waitlist_position = waitlist_position - $2 WHERE program_id = $1 AND status = 'waitlisted'`, [programId, count]);
    await addPromoted(db, programId, count);
  }
  return promoted;
}

/** Moves a waitlisted teen to the front; those ahead of them move back one. */
export async function moveToFront(db: EntityManager, programId: string, enrollmentId: string, position: number): Promise<void> {
  await db.query(`UPDATE enrollment SET waitlist_position = waitlist_position + 1 WHERE program_id = $1 AND status = 'waitlisted' AND waitlist_position < $2`, [
    programId,
    position,
  ]);
  await db.query(`UPDATE enrollment SET waitlist_position = 1, updated_at = now() WHERE id = $1`, [enrollmentId]);
}

/**
 * The enrollments an erased teen gives up: every waitlist place, and the seats of programs not yet ended (a
 * seat of an ended program stays, as the history reports count it); by program, the order they are locked in.
 */
export async function enrollmentsToRelease(db: EntityManager, participantId: string): Promise<{ id: string; program_id: string }[]> {
  return db.query(
    `SELECT e.id, e.program_id FROM enrollment e LEFT JOIN ${programsNotEnded()} p ON p.id = e.program_id
      WHERE e.participant_id = $1 AND (e.status = 'waitlisted' OR (e.status = 'enrolled' AND p.id IS NOT NULL))
      ORDER BY e.program_id`,
    [participantId],
  );
}
