import type { EntityManager } from 'typeorm';
import type { AttendanceMethod, AttendanceStatus } from '../attendance.entity';

export interface CheckInAttempt {
  attempts: number;
  /** Seconds until the window of tries starts again. */
  wait: number;
}

export interface CheckInMark {
  status: AttendanceStatus;
  method: AttendanceMethod;
  checked_in_at: Date | null;
}

/** The session's check-in secret, made with `fresh` on the first request. */
export async function checkInSecret(db: EntityManager, sessionId: string, fresh: string): Promise<string> {
  await db.query(`INSERT INTO check_in_secret (session_id, secret) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING`, [sessionId, fresh]);
  return (await existingCheckInSecret(db, sessionId))!;
}

/** The session's check-in secret, if a code was ever shown for it. */
export async function existingCheckInSecret(db: EntityManager, sessionId: string): Promise<string | undefined> {
  const [row] = await db.query(`SELECT secret FROM check_in_secret WHERE session_id = $1`, [sessionId]);
  return row?.secret;
}

/** Counts one more try in the teen's 10-minute window (a window past its 10 minutes starts again at 1). */
export async function countCheckInAttempt(db: EntityManager, sessionId: string, participantId: string): Promise<CheckInAttempt> {
  const [attempt] = await db.query(
    `INSERT INTO check_in_attempt (session_id, participant_id, attempts, window_started_at) VALUES ($1, $2, 1, now())
     ON CONFLICT (session_id, participant_id) DO UPDATE SET
       attempts = CASE WHEN check_in_attempt.window_started_at < now() - interval '10 minutes' THEN 1 ELSE check_in_attempt.attempts + 1 END,
       window_started_at = CASE WHEN check_in_attempt.window_started_at < now() - interval '10 minutes' THEN now() ELSE check_in_attempt.window_started_at END
     RETURNING attempts, GREATEST(1, CEIL(EXTRACT(EPOCH FROM window_started_at + interval '10 minutes' - now())))::int AS wait`,
    [sessionId, participantId],
  );
  return attempt;
}

export async function clearCheckInAttempts(db: EntityManager, sessionId: string, participantId: string): Promise<void> {
  await db.query(`DELETE FROM check_in_attempt WHERE session_id = $1 AND participant_id = $2`, [sessionId, participantId]);
}

/**
 * Records the teen's self check-in; a status staff already recorded (present, late, excused) is kept, an
 * `absent` is corrected. Answers the row written, or undefined when a recorded status was kept.
 */
export async function recordSelfCheckIn(db: EntityManager, sessionId: string, participantId: string, status: AttendanceStatus, recordedBy: string): Promise<CheckInMark | undefined> {
  const [row] = await db.query(
    `INSERT INTO attendance (session_id, participant_id, status, method, checked_in_at, recorded_by) VALUES ($1, $2, $3, 'self_check_in', now(), $4)
     ON CONFLICT (session_id, participant_id) DO UPDATE
        SET status = EXCLUDED.status, method = 'self_check_in', checked_in_at = now(), recorded_by = EXCLUDED.recorded_by, updated_at = now()
      WHERE attendance.status = 'absent'
     RETURNING status, method, checked_in_at`,
    [sessionId, participantId, status, recordedBy],
  );
  return row;
}

export async function attendanceMark(db: EntityManager, sessionId: string, participantId: string): Promise<CheckInMark> {
  const [row] = await db.query(`SELECT status, method, checked_in_at FROM attendance WHERE session_id = $1 AND participant_id = $2`, [sessionId, participantId]);
  return row;
}
