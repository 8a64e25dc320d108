import type { EntityManager } from 'typeorm';

/** A program as a letter names it: its title, its first day, and its branch's time zone. */
export interface ProgramFacts {
  title: string;
  /** YYYY-MM-DD */
  startsOn: string;
  timezone: string;
}

/** Read model: a program's facts (see ProgramFacts), or undefined if it is gone. */
export async function programFacts(db: EntityManager, programId: string): Promise<ProgramFacts | undefined> {
  const [program] = await db.query(
    `SELECT p.title, p.starts_on::text AS "startsOn", b.timezone FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = $1`,
    [programId],
  );
  return program;
}

/** A session still to come: when it starts, its program's title and its branch's time zone. */
export interface UpcomingSession {
  startsAt: Date;
  title: string;
  timezone: string;
}

/** Read model: the session if it is still ahead, still on, and of a published program (a draft's teens are not told); else undefined. */
export async function upcomingSession(db: EntityManager, sessionId: string): Promise<UpcomingSession | undefined> {
  const [session] = await db.query(
    `SELECT s.starts_at AS "startsAt", p.title, b.timezone FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
      WHERE s.id = $1 AND s.status = 'scheduled' AND s.starts_at > now() AND p.status = 'published'`,
    [sessionId],
  );
  return session;
}
