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

export type Place = { status: 'enrolled'; waitlistPosition: null } | { status: 'waitlisted'; waitlistPosition: number };

/**
 * Takes a seat if one is free and nobody waits (a newcomer never jumps the line), else the next waitlist
 * place if the program keeps a waitlist; null when it is full without one, or no longer published.
 * One guarded UPDATE: the row lock it takes makes concurrent calls queue, each seeing the last one's counts.
 */
export async function takePlace(manager: EntityManager, programId: string): Promise<Place | null> {
  const [rows] = await manager.query(
    `UPDATE program SET
        enrolled_count = enrolled_count + CASE WHEN enrolled_count < capacity AND waitlisted_count = 0 THEN 1 ELSE 0 END,
        waitlisted_count = waitlisted_count + CASE WHEN enrolled_count < capacity AND waitlisted_count = 0 THEN 0 ELSE 1 END
      WHERE id = $1 AND status = 'published' AND ((enrolled_count < capacity AND waitlisted_count = 0) OR waitlist_enabled)
      RETURNING waitlisted_count`,
    [programId],
  );
  const [row] = rows as { waitlisted_count: number }[];
  if (!row) return null;
  // Only a seat leaves the waitlist empty: a waitlist place makes it at least 1.
  return row.waitlisted_count === 0 ? { status: 'enrolled', waitlistPosition: null } : { status: 'waitlisted', waitlistPosition: row.waitlisted_count };
}

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
