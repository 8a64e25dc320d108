import { SessionNotFoundError } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';

/** What attendance needs to know of a session: its times and status, its program and the branch's zone. */
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

/** When a session's attendance opens, for self check-in and roll call alike: a while before it starts. */
export const attendanceOpensAt = (session: Pick<SessionContext, 'startsAt'>, minutesBefore: number) => new Date(session.startsAt.getTime() - minutesBefore * 60_000);

export async function sessionContext(manager: EntityManager, id: string): Promise<SessionContext> {
  const [row] = await manager.query(
    `SELECT s.id, s.program_id AS "programId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status, p.branch_id AS "branchId",
            p.status AS "programStatus", b.timezone
       FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id WHERE s.id = $1`,
    [id],
  );
  if (!row) throw new SessionNotFoundError(id);
  return row;
}
