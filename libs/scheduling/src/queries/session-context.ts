import type { EntityManager } from 'typeorm';
import { SessionNotFoundError } from '../scheduling.errors';

/** What another feature needs to know of a session: its times and status, its program and the branch's zone. */
export interface SessionContext {
  id: string;
  programId: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  branchId: string;
  programStatus: 'draft' | 'published' | 'archived';
  timezone: string;
}

/** Read model: a session's context (see SessionContext); a session that does not exist is a SessionNotFoundError. */
export async function sessionContext(db: EntityManager, id: string): Promise<SessionContext> {
  const [row] = await db.query(
    `SELECT s.id, s.program_id AS "programId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status, p.branch_id AS "branchId",
            p.status AS "programStatus", b.timezone
       FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id WHERE s.id = $1`,
    [id],
  );
  if (!row) throw new SessionNotFoundError(id);
  return row;
}

/**
 * A session's status, its row locked FOR SHARE until the caller's transaction ends: the session is not
 * cancelled while the caller writes what depends on it (a roll call, a check-in). Pass the transaction's manager.
 */
export async function lockSessionStatus(db: EntityManager, id: string): Promise<SessionContext['status']> {
  const [{ status }] = await db.query(`SELECT status FROM session WHERE id = $1 FOR SHARE`, [id]);
  return status;
}
