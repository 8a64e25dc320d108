import { attendanceMarks, attendedSql } from '@codeshelf/attendance';
import { seatHolders } from '@codeshelf/enrollment';
import { programTerms, sessions } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';

/** Where a teen stands at a session: a seat in its program taken before it ended; marked absent or excused. */
export interface FeedbackStanding {
  seated: boolean;
  away: boolean;
}

export async function feedbackStanding(db: EntityManager, sessionId: string, participantId: string): Promise<FeedbackStanding> {
  const [row] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM ${sessions()} s JOIN ${seatHolders()} e ON e.program_id = s.program_id
                     WHERE s.id = $1 AND e.participant_id = $2 AND e.enrolled_at < s.ends_at) AS seated,
            EXISTS (SELECT 1 FROM ${attendanceMarks()} a WHERE a.session_id = $1 AND a.participant_id = $2 AND NOT ${attendedSql('a.status')}) AS away`,
    [sessionId, participantId],
  );
  return row;
}

export interface FeedbackRow {
  session_id: string;
  rating: number;
  comment: string | null;
  created_at: Date;
}

/** Writes the teen's feedback once: undefined when they already gave it (the unique key decides, under any concurrency). */
export async function insertFeedback(db: EntityManager, sessionId: string, participantId: string, rating: number, comment: string | null): Promise<FeedbackRow | undefined> {
  const [row] = await db.query(
    `INSERT INTO session_feedback (session_id, participant_id, rating, comment) VALUES ($1, $2, $3, $4)
     ON CONFLICT ON CONSTRAINT session_feedback_once DO NOTHING RETURNING session_id, rating, comment, created_at`,
    [sessionId, participantId, rating, comment],
  );
  return row;
}

export interface FeedbackRequestRow {
  session_id: string;
  program_id: string;
  title: string;
  topic: string;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  closes_at: Date;
  rating: number | null;
  comment: string | null;
}

/**
 * The held sessions of the last `days` days that the teen may rate (a seat taken before the end, of a published
 * program, not marked absent or excused), with what they gave; the latest first.
 */
export function feedbackRequests(db: EntityManager, participantId: string, days: number): Promise<FeedbackRequestRow[]> {
  return db.query(
    `SELECT s.id AS session_id, s.program_id, p.title, s.topic, s.starts_at, s.ends_at, p.timezone,
            s.ends_at + make_interval(days => $2) AS closes_at, f.rating, f.comment
       FROM ${seatHolders()} e
       JOIN ${sessions()} s ON s.program_id = e.program_id AND s.ends_at > e.enrolled_at
       JOIN ${programTerms()} p ON p.id = s.program_id
       LEFT JOIN ${attendanceMarks()} a ON a.session_id = s.id AND a.participant_id = e.participant_id
       LEFT JOIN session_feedback f ON f.session_id = s.id AND f.participant_id = e.participant_id
      WHERE e.participant_id = $1 AND s.held AND p.status = 'published' AND (a.status IS NULL OR ${attendedSql('a.status')})
        AND s.ends_at <= now() AND s.ends_at > now() - make_interval(days => $2)
      ORDER BY s.ends_at DESC, s.id`,
    [participantId, days],
  );
}

/** One session's ratings: how many gave each of 1–5, and how many commented. */
export interface SessionRatingsRow {
  session_id: string;
  starts_at: Date;
  topic: string;
  /** Counts of ratings 1 to 5, in that order. */
  counts: number[];
  commenters: number;
}

/** Ratings per session: of one session, or of every held session of a program that has any; in session order. */
export function sessionRatings(db: EntityManager, of: { sessionId: string } | { programId: string }): Promise<SessionRatingsRow[]> {
  // One statement per scope, so each is an index lookup.
  const scope = 'sessionId' in of ? 's.id = $1' : 's.program_id = $1 AND s.held';
  return db.query(
    `SELECT s.id AS session_id, s.starts_at, s.topic,
            ARRAY[count(*) FILTER (WHERE f.rating = 1), count(*) FILTER (WHERE f.rating = 2), count(*) FILTER (WHERE f.rating = 3),
                  count(*) FILTER (WHERE f.rating = 4), count(*) FILTER (WHERE f.rating = 5)]::int[] AS counts,
            count(f.comment)::int AS commenters
       FROM ${sessions()} s JOIN session_feedback f ON f.session_id = s.id
      WHERE ${scope}
      GROUP BY s.id, s.starts_at, s.topic
      ORDER BY s.starts_at, s.id`,
    ['sessionId' in of ? of.sessionId : of.programId],
  );
}

export interface CommentRow {
  session_id: string;
  starts_at: Date;
  comment: string;
}

/** The comments of these sessions, in session order and, within one, by the feedback's random id: nothing of who or when. */
export function commentsOf(db: EntityManager, sessionIds: string[]): Promise<CommentRow[]> {
  return db.query(
    `SELECT f.session_id, s.starts_at, f.comment FROM session_feedback f JOIN ${sessions()} s ON s.id = f.session_id
      WHERE f.session_id = ANY($1::uuid[]) AND f.comment IS NOT NULL ORDER BY s.starts_at, f.session_id, f.id`,
    [sessionIds],
  );
}

/** The branch of a program, or undefined when there is no such program. */
export async function programBranch(db: EntityManager, programId: string): Promise<string | undefined> {
  const [row] = await db.query(`SELECT p.branch_id FROM ${programTerms()} p WHERE p.id = $1`, [programId]);
  return row?.branch_id;
}

/** An erased teen's comments go (rule 10); their ratings stay, anonymous numbers in the averages. */
export async function eraseFeedbackComments(db: EntityManager, participantId: string): Promise<void> {
  await db.query(`UPDATE session_feedback SET comment = NULL WHERE participant_id = $1 AND comment IS NOT NULL`, [participantId]);
}
