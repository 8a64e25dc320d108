import { type EntityManager, QueryFailedError, type SelectQueryBuilder } from 'typeorm';
import type { MentorSessionDto } from '../mentors/dto/mentor.dto';
import type { MentorEntity } from '../mentors/mentor.entity';
import type { MentorRole } from '../mentors/session-mentor.entity';

/** Narrows a list of mentors (alias `m`) to those with a clearance in force that expires between today and `by`. */
export function whereClearanceExpiresBy(qb: SelectQueryBuilder<MentorEntity>, by: string): SelectQueryBuilder<MentorEntity> {
  return qb.where(`EXISTS (SELECT 1 FROM mentor_clearance c WHERE c.mentor_id = m.id AND c.status = 'cleared' AND c.expires_on BETWEEN CURRENT_DATE AND :by)`, { by });
}

/**
 * Each mentor's next `perMentor` sessions, soonest first; a draft program's only when `drafts` says so for its
 * branch (all, or the branches listed).
 */
export function upcomingMentorSessions(
  db: EntityManager,
  mentorIds: string[],
  drafts: { all: boolean; branchIds: string[] },
  perMentor: number,
): Promise<(MentorSessionDto & { mentorId: string })[]> {
  return db.query(
    `SELECT "mentorId", "sessionId", "programId", "programTitle", "startsAt", "endsAt", timezone, role FROM (
       SELECT sm.mentor_id AS "mentorId", s.id AS "sessionId", p.id AS "programId", p.title AS "programTitle", s.starts_at AS "startsAt",
              s.ends_at AS "endsAt", b.timezone, sm.role, row_number() OVER (PARTITION BY sm.mentor_id ORDER BY s.starts_at) AS n
         FROM session_mentor sm JOIN session s ON s.id = sm.session_id JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
        WHERE sm.mentor_id = ANY($1) AND s.status = 'scheduled' AND s.ends_at > now()
          AND (p.status <> 'draft' OR $2 OR p.branch_id = ANY($3))
     ) coming WHERE n <= $4 ORDER BY "startsAt"`,
    [mentorIds, drafts.all, drafts.branchIds, perMentor],
  );
}

/**
 * The user's mentor id if they are on the session — or, given a program, on any session of it — that is
 * scheduled and ended at most `days` days ago (or has not ended); else null.
 */
export async function mentorOnRecentSession(db: EntityManager, userId: string, of: { sessionId: string } | { programId: string }, days: number): Promise<string | null> {
  // One statement per scope (no OR), so each is an index lookup: the session's key, or the program's sessions.
  const [scope, id] = 'sessionId' in of ? ['sm.session_id', of.sessionId] : ['s.program_id', of.programId];
  const [row] = await db.query(
    `SELECT m.id FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN session s ON s.id = sm.session_id
      WHERE m.user_id = $1 AND ${scope} = $2 AND s.status = 'scheduled' AND s.ends_at > now() - make_interval(days => $3)
      LIMIT 1`,
    [userId, id, days],
  );
  return row?.id ?? null;
}

export interface SessionMentorRow {
  sessionId: string;
  mentorId: string;
  role: MentorRole;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Puts the mentor on the session (or gives them the new role), under a savepoint: false, with the transaction
 * still usable, when the mentor is in another session at that time (the exclusion constraint decides the race
 * between two requests).
 */
export async function upsertSessionMentor(db: EntityManager, r: SessionMentorRow): Promise<boolean> {
  await db.query('SAVEPOINT assign_mentor');
  try {
    await db.query(
      `INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id, mentor_id) DO UPDATE SET role = EXCLUDED.role`,
      [r.sessionId, r.mentorId, r.role, r.startsAt, r.endsAt],
    );
    return true;
  } catch (error) {
    await db.query('ROLLBACK TO SAVEPOINT assign_mentor');
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01') return false;
    throw error;
  }
}
