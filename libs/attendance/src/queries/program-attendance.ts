import { seatHolders } from '@codeshelf/enrollment';
import { sessions } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';
import type { AttendanceMarkDto } from '../dto/rates.dto';

export interface SessionCountsRow {
  session_id: string;
  starts_at: Date;
  status: 'scheduled' | 'cancelled';
  held: boolean;
  /** Teens holding a seat taken before the session ended. */
  expected: number;
  present: number;
  late: number;
  absent: number;
  excused: number;
}

/** Each session of the program, held or not, with its marks counted, by start. */
export function programSessionCounts(db: EntityManager, programId: string): Promise<SessionCountsRow[]> {
  return db.query(
    `SELECT s.id AS session_id, s.starts_at, s.status, s.held,
            (SELECT count(*) FROM ${seatHolders()} e WHERE e.program_id = s.program_id AND e.enrolled_at < s.ends_at)::int AS expected,
            count(a.*) FILTER (WHERE a.status = 'present')::int AS present, count(a.*) FILTER (WHERE a.status = 'late')::int AS late,
            count(a.*) FILTER (WHERE a.status = 'absent')::int AS absent, count(a.*) FILTER (WHERE a.status = 'excused')::int AS excused
       FROM ${sessions()} s LEFT JOIN attendance a ON a.session_id = s.id
      WHERE s.program_id = $1 GROUP BY s.id, s.starts_at, s.status, s.held, s.program_id, s.ends_at ORDER BY s.starts_at, s.id`,
    [programId],
  );
}

/** Every teen's mark at every session of the program, by session start. */
export function programMarks(db: EntityManager, programId: string): Promise<AttendanceMarkDto[]> {
  return db.query(
    `SELECT a.participant_id AS "participantId", a.session_id AS "sessionId", a.status
       FROM attendance a JOIN ${sessions()} s ON s.id = a.session_id WHERE s.program_id = $1 ORDER BY s.starts_at, a.participant_id`,
    [programId],
  );
}
