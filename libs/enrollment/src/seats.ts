import type { ProgramStatus } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';
import type { ProgramTerms } from './eligibility';

/**
 * The SQL that keeps rules 1 and 2. Every change to a program's enrollments starts by updating (and so
 * locking) its program row; that serializes them per program, across any number of API processes, and
 * the counters on the row are the truth the checks read: `enrolled_count ≤ capacity` is a CHECK, and a
 * deferred trigger checks at commit that both counters equal the rows.
 */

export interface ProgramForEnrollment extends ProgramTerms {
  status: ProgramStatus;
  branchId: string;
  capacity: number;
  waitlistEnabled: boolean;
}

export async function programForEnrollment(manager: EntityManager, id: string): Promise<ProgramForEnrollment | null> {
  const [row] = await manager.query(
    `SELECT p.id, p.branch_id AS "branchId", p.status, p.min_age AS "minAge", p.max_age AS "maxAge", p.starts_on::text AS "startsOn",
            p.ends_on::text AS "endsOn", p.enrollment_opens_at AS "enrollmentOpensAt", p.enrollment_closes_at AS "enrollmentClosesAt",
            p.capacity, p.waitlist_enabled AS "waitlistEnabled", b.timezone
       FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = $1`,
    [id],
  );
  return row ?? null;
}

/**
 * A whole enrollment in one statement: the guarded UPDATE takes a seat if one is free and nobody waits (a
 * newcomer never jumps the line), else the next waitlist place if the program keeps a waitlist; then the
 * enrollment row, its outbox message and its audit event are inserted. Sent on its own (a statement is
 * atomic), it holds the program's row lock for one statement instead of four round trips, so a rush on one
 * program runs at the database's pace rather than the event loop's. No row back: the program is full
 * without a waitlist, or no longer published. Parameters: program, participant, source, actor id and kind,
 * request id.
 */
export const ENROLL = `
WITH seat AS (
  UPDATE program SET
      enrolled_count = enrolled_count + CASE WHEN enrolled_count < capacity AND waitlisted_count = 0 THEN 1 ELSE 0 END,
      waitlisted_count = waitlisted_count + CASE WHEN enrolled_count < capacity AND waitlisted_count = 0 THEN 0 ELSE 1 END
    WHERE id = $1 AND status = 'published' AND ((enrolled_count < capacity AND waitlisted_count = 0) OR waitlist_enabled)
    RETURNING id, waitlisted_count
), placed AS (
  -- Only a seat leaves the waitlist empty: a waitlist place makes it at least 1, and that is the place.
  INSERT INTO enrollment (program_id, participant_id, status, waitlist_position, source, enrolled_at)
  SELECT id, $2, CASE WHEN waitlisted_count = 0 THEN 'enrolled' ELSE 'waitlisted' END, NULLIF(waitlisted_count, 0), $3,
         CASE WHEN waitlisted_count = 0 THEN now() END
    FROM seat
  RETURNING id, program_id AS "programId", participant_id AS "participantId", status, waitlist_position AS "waitlistPosition", source,
            enrolled_at AS "enrolledAt", withdrawn_at AS "withdrawnAt", created_at AS "createdAt", updated_at AS "updatedAt"
), told AS (
  INSERT INTO outbox_message (topic, payload)
  SELECT 'enrollment.' || status, jsonb_build_object('enrollmentId', id, 'programId', "programId", 'participantId', "participantId", 'status', status, 'waitlistPosition', "waitlistPosition")
    FROM placed
), audited AS (
  INSERT INTO audit_event (actor_id, actor_kind, action, entity, entity_id, changes, request_id)
  SELECT $4::uuid, $5, 'enrollment.created', 'enrollment', id,
         jsonb_build_object('programId', "programId", 'participantId', "participantId", 'status', status, 'waitlistPosition', "waitlistPosition"), $6
    FROM placed
)
SELECT * FROM placed`;

/** Locks the program row before an enrollment changes, so changes to one program run one at a time. */
export async function lockProgram(manager: EntityManager, programId: string): Promise<{ capacity: number; enrolledCount: number; waitlistedCount: number }> {
  const [row] = await manager.query(
    `SELECT capacity, enrolled_count AS "enrolledCount", waitlisted_count AS "waitlistedCount" FROM program WHERE id = $1 FOR UPDATE`,
    [programId],
  );
  return row;
}

/** A seat given back. */
export async function releaseSeat(manager: EntityManager, programId: string): Promise<void> {
  await manager.query(`UPDATE program SET enrolled_count = enrolled_count - 1 WHERE id = $1`, [programId]);
}

/** A place in line given back: everyone behind it moves up one, so positions stay 1..n. */
export async function leaveWaitlist(manager: EntityManager, programId: string, position: number): Promise<void> {
  await manager.query(`UPDATE enrollment SET waitlist_position = waitlist_position - 1 WHERE program_id = $1 AND status = 'waitlisted' AND waitlist_position > $2`, [
    programId,
    position,
  ]);
  await manager.query(`UPDATE program SET waitlisted_count = waitlisted_count - 1 WHERE id = $1`, [programId]);
}

/**
 * Fills every free seat from the head of the waitlist, in order, and closes up the line behind them.
 * The caller holds the program's lock. Answers who was promoted.
 */
export async function promoteFromWaitlist(manager: EntityManager, programId: string): Promise<{ id: string; participantId: string }[]> {
  const [promoted] = await manager.query(
    `UPDATE enrollment SET status = 'enrolled', waitlist_position = NULL, enrolled_at = now(), updated_at = now()
      WHERE program_id = $1 AND status = 'waitlisted'
        AND waitlist_position <= (SELECT capacity - enrolled_count FROM program WHERE id = $1)
      RETURNING id, participant_id AS "participantId"`,
    [programId],
  );
  const count = (promoted as unknown[]).length;
  if (count) {
    await manager.query(`UPDATE enrollment SET waitlist_position = waitlist_position - $2 WHERE program_id = $1 AND status = 'waitlisted'`, [programId, count]);
    await manager.query(`UPDATE program SET enrolled_count = enrolled_count + $2, waitlisted_count = waitlisted_count - $2 WHERE id = $1`, [programId, count]);
  }
  return promoted;
}

/** Moves a waitlisted teen to the front; those ahead of them move back one. */
export async function moveToFront(manager: EntityManager, programId: string, enrollmentId: string, position: number): Promise<void> {
  await manager.query(`UPDATE enrollment SET waitlist_position = waitlist_position + 1 WHERE program_id = $1 AND status = 'waitlisted' AND waitlist_position < $2`, [
    programId,
    position,
  ]);
  await manager.query(`UPDATE enrollment SET waitlist_position = 1, updated_at = now() WHERE id = $1`, [enrollmentId]);
}
