import type { EntityManager } from 'typeorm';

/** A session as a calendar shows it: with its program's title, its branch (name, address, zone) and its room. */
export interface CalendarSessionRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  topic: string;
  status: string;
  sequence: number;
  updated_at: Date;
  title: string;
  branch_name: string;
  branch_address: string | null;
  timezone: string;
  room_name: string | null;
}

export type ScheduleRow = CalendarSessionRow & { program_id: string; cancel_reason: string | null; mentoring: boolean; sort: string };

const SESSION_ROWS = `SELECT s.id, s.starts_at, s.ends_at, s.topic, s.status, s.sequence, s.updated_at, p.title,
       b.name AS branch_name, b.address AS branch_address, b.timezone, r.name AS room_name
  FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
  LEFT JOIN room r ON r.id = s.room_id`;
const SESSION_ROWS_WITH_PROGRAM = SESSION_ROWS.replace('SELECT ', 'SELECT s.program_id, s.cancel_reason, s.starts_at::text AS sort, ');

/** Sessions of user $1: those they mentor, and all of the programs in $2. */
const PERSONAL = `(s.program_id = ANY($2::uuid[])
   OR s.id IN (SELECT sm.session_id FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id WHERE m.user_id = $1))`;

/** A program's sessions, in time order. */
export function programCalendarSessions(db: EntityManager, programId: string): Promise<CalendarSessionRow[]> {
  return db.query(`${SESSION_ROWS} WHERE s.program_id = $1 ORDER BY s.starts_at, s.id`, [programId]);
}

/** The branch's IANA zone. */
export async function branchTimezone(db: EntityManager, branchId: string): Promise<string> {
  const [{ timezone }] = await db.query(`SELECT timezone FROM branch WHERE id = $1`, [branchId]);
  return timezone;
}

/** The sessions a user mentors and every session of `programIds`, in time order. */
export function personalCalendarSessions(db: EntityManager, userId: string, programIds: string[]): Promise<CalendarSessionRow[]> {
  return db.query(`${SESSION_ROWS} WHERE ${PERSONAL} ORDER BY s.starts_at, s.id`, [userId, programIds]);
}

export interface ScheduleWindow {
  from: string;
  to: string;
  /** Rows to read: a page and one more. */
  limit: number;
  /** The last row of the page before (its sort value and id), if any. */
  after?: [string | number, string];
}

/** The same sessions overlapping [from, to), in time order from a cursor, each marked whether the user mentors it. */
export function personalSchedule(db: EntityManager, userId: string, programIds: string[], w: ScheduleWindow): Promise<ScheduleRow[]> {
  const params: unknown[] = [userId, programIds, w.from, w.to, w.limit];
  let after = '';
  if (w.after) {
    params.push(...w.after);
    after = 'AND (s.starts_at, s.id) > ($6::timestamptz, $7::uuid)';
  }
  return db.query(
    `SELECT q.*, EXISTS (SELECT 1 FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id WHERE sm.session_id = q.id AND m.user_id = $1) AS mentoring
       FROM (${SESSION_ROWS_WITH_PROGRAM} WHERE ${PERSONAL} AND s.ends_at > $3::timestamptz AND s.starts_at < $4::timestamptz ${after}
             ORDER BY s.starts_at, s.id LIMIT $5) q ORDER BY q.starts_at, q.id`,
    params,
  );
}
