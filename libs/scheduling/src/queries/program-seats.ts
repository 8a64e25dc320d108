import type { EntityManager } from 'typeorm';
import type { ProgramStatus } from '../programs/program.entity';

/**
 * The seat ledger: a program's `enrolled_count` and `waitlisted_count`, the truth the enrollment checks read
 * (`enrolled_count ≤ capacity` is a CHECK; a deferred trigger checks at commit that both counters equal the
 * enrollment rows). Enrollment writes it only through these pieces, in its own transaction or statement. Every
 * change to a program's enrollments starts by updating (and so locking) the program row: that serializes them
 * per program, across any number of API processes.
 */

/**
 * Read model: what deciding an enrollment needs of a program, and the zone of its branch (a program without a
 * closing time closes when its last day ends there). Null if there is no such program.
 */
export interface SeatingTerms {
  id: string;
  branchId: string;
  status: ProgramStatus;
  minAge: number;
  maxAge: number;
  startsOn: string;
  endsOn: string;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
  capacity: number;
  waitlistEnabled: boolean;
  timezone: string;
}

export async function seatingTerms(db: EntityManager, programId: string): Promise<SeatingTerms | null> {
  const [row] = await db.query(
    `SELECT p.id, p.branch_id AS "branchId", p.status, p.min_age AS "minAge", p.max_age AS "maxAge", p.starts_on::text AS "startsOn",
            p.ends_on::text AS "endsOn", p.enrollment_opens_at AS "enrollmentOpensAt", p.enrollment_closes_at AS "enrollmentClosesAt",
            p.capacity, p.waitlist_enabled AS "waitlistEnabled", b.timezone
       FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = $1`,
    [programId],
  );
  return row ?? null;
}

/**
 * The guarded UPDATE that takes a seat if one is free and nobody waits (a newcomer never jumps the line), else
 * the next waitlist place if the program keeps a waitlist, of the published program `programId` (a parameter
 * placeholder such as `$1`), as a CTE part of the caller's statement. It returns one row (`id`, and the
 * `waitlisted_count` after it: 0 means a seat, n means waitlist place n), or none: the program is full without
 * a waitlist, or not published.
 */
export function takeSeatOrPlace(programId: string): string {
  return `UPDATE program SET
      enrolled_count = enrolled_count + CASE WHEN enrolled_count < capacity AND waitlisted_count = 0 THEN 1 ELSE 0 END,
      waitlisted_count = waitlisted_count + CASE WHEN enrolled_count < capacity AND waitlisted_count = 0 THEN 0 ELSE 1 END
    WHERE id = ${programId} AND status = 'published' AND ((enrolled_count < capacity AND waitlisted_count = 0) OR waitlist_enabled)
    RETURNING id, waitlisted_count`;
}

export interface SeatLedger {
  capacity: number;
  enrolledCount: number;
  waitlistedCount: number;
}

/** Locks the program row before its enrollments change, so changes to one program run one at a time; its ledger then. */
export async function lockProgramSeats(db: EntityManager, programId: string): Promise<SeatLedger> {
  const [row] = await db.query(
    `SELECT capacity, enrolled_count AS "enrolledCount", waitlisted_count AS "waitlistedCount" FROM program WHERE id = $1 FOR UPDATE`,
    [programId],
  );
  return row;
}

/** A seat given back; the ledger after it (the seats now free are capacity − enrolledCount). */
export async function releaseSeat(db: EntityManager, programId: string): Promise<SeatLedger> {
  const [[row]] = await db.query(
    `UPDATE program SET enrolled_count = enrolled_count - 1 WHERE id = $1
     RETURNING capacity, enrolled_count AS "enrolledCount", waitlisted_count AS "waitlistedCount"`,
    [programId],
  );
  return row;
}

/** A waitlist place given back. */
export async function releasePlace(db: EntityManager, programId: string): Promise<void> {
  await db.query(`UPDATE program SET waitlisted_count = waitlisted_count - 1 WHERE id = $1`, [programId]);
}

/** `count` teens moved from the waitlist to seats. */
export async function addPromoted(db: EntityManager, programId: string, count: number): Promise<void> {
  await db.query(`UPDATE program SET enrolled_count = enrolled_count + $2, waitlisted_count = waitlisted_count - $2 WHERE id = $1`, [programId, count]);
}
