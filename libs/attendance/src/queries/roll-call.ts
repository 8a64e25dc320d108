import { seatHolders } from '@codeshelf/enrollment';
import { sessionMentors } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';
import type { AttendanceMethod, AttendanceStatus } from '../attendance.entity';
import type { AttendanceRecordInput, MentorAttendanceInput, MentorAttendeeDto } from '../dto/roll-call.dto';

export interface TeenMark {
  participant_id: string;
  status: AttendanceStatus | null;
  note: string | null;
  method: AttendanceMethod | null;
  checked_in_at: Date | null;
}

/** Of these mentors, those assigned to the session now. */
export async function assignedMentorIds(db: EntityManager, sessionId: string, mentorIds: string[]): Promise<string[]> {
  const rows: { mentor_id: string }[] = await db.query(`SELECT sm.mentor_id FROM ${sessionMentors()} sm WHERE sm.session_id = $1 AND sm.mentor_id = ANY($2::uuid[]) AND sm.active`, [
    sessionId,
    mentorIds,
  ]);
  return rows.map((r) => r.mentor_id);
}

/** These teens' marks for the session, the rows locked until the transaction ends. */
export async function lockTeenMarks(db: EntityManager, sessionId: string, participantIds: string[]): Promise<{ participant_id: string; status: string; note: string | null }[]> {
  return db.query(`SELECT participant_id, status, note FROM attendance WHERE session_id = $1 AND participant_id = ANY($2::uuid[]) FOR UPDATE`, [sessionId, participantIds]);
}

/** The whole batch of teens' marks in one upsert, as a roll call. */
export async function upsertTeenMarks(
  db: EntityManager,
  sessionId: string,
  records: AttendanceRecordInput[],
  recordedBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO attendance (session_id, participant_id, status, note, method, recorded_by)
     SELECT $1, participant_id, status, note, 'roll_call', $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(participant_id, status, note)
     ON CONFLICT (session_id, participant_id) DO UPDATE
        SET status = EXCLUDED.status, note = EXCLUDED.note, method = 'roll_call', recorded_by = EXCLUDED.recorded_by, updated_at = now()`,
    [sessionId, records.map((r) => r.participantId), records.map((r) => r.status), records.map((r) => r.note ?? null), recordedBy],
  );
}

/** These mentors' marks for the session, the rows locked until the transaction ends. */
export async function lockMentorMarks(db: EntityManager, sessionId: string, mentorIds: string[]): Promise<{ mentor_id: string; status: string }[]> {
  return db.query(`SELECT mentor_id, status FROM mentor_attendance WHERE session_id = $1 AND mentor_id = ANY($2::uuid[]) FOR UPDATE`, [sessionId, mentorIds]);
}

/** The whole batch of mentors' marks in one upsert. */
export async function upsertMentorMarks(db: EntityManager, sessionId: string, mentors: MentorAttendanceInput[], recordedBy: string): Promise<void> {
  await db.query(
    `INSERT INTO mentor_attendance (session_id, mentor_id, status, recorded_by) SELECT $1, mentor_id, status, $4 FROM unnest($2::uuid[], $3::text[]) AS t(mentor_id, status)
     ON CONFLICT (session_id, mentor_id) DO UPDATE SET status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, updated_at = now()`,
    [sessionId, mentors.map((m) => m.mentorId), mentors.map((m) => m.status), recordedBy],
  );
}

/** The sheet's teens: those holding a seat in the program, plus anyone recorded for the session since (a teen who withdrew later). */
export async function sheetTeenMarks(db: EntityManager, sessionId: string, programId: string): Promise<TeenMark[]> {
  return db.query(
    `WITH roster AS (SELECT e.participant_id FROM ${seatHolders()} e WHERE e.program_id = $2
                     UNION SELECT participant_id FROM attendance WHERE session_id = $1)
     SELECT r.participant_id, a.status, a.note, a.method, a.checked_in_at FROM roster r
       LEFT JOIN attendance a ON a.session_id = $1 AND a.participant_id = r.participant_id`,
    [sessionId, programId],
  );
}

/** The sheet's mentors: every mentor assigned to the session, now or before, leads first, with their mark. */
export async function sheetMentorMarks(db: EntityManager, sessionId: string): Promise<MentorAttendeeDto[]> {
  return db.query(
    `SELECT sm.mentor_id AS "mentorId", sm.display_name AS "displayName", sm.role, ma.status
       FROM ${sessionMentors()} sm LEFT JOIN mentor_attendance ma ON ma.session_id = sm.session_id AND ma.mentor_id = sm.mentor_id
      WHERE sm.session_id = $1 ORDER BY sm.role DESC, sm.display_name`,
    [sessionId],
  );
}
