import { programTerms } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';
import { volunteerHours } from './volunteer-hours';

export interface MentorHoursRow {
  program_id: string;
  title: string;
  sessions: number;
  seconds: number;
}

/** A mentor's volunteering (see volunteerHours) in sessions starting in [from, to), either end open when null, per program by its start. */
export function mentorHoursByProgram(db: EntityManager, mentorId: string, from: string | null, to: string | null): Promise<MentorHoursRow[]> {
  return db.query(
    `SELECT p.id AS program_id, p.title, count(*)::int AS sessions, sum(v.seconds)::float8 AS seconds
       FROM ${volunteerHours()} v JOIN ${programTerms()} p ON p.id = v.program_id
      WHERE v.mentor_id = $1 AND ($2::timestamptz IS NULL OR v.starts_at >= $2) AND ($3::timestamptz IS NULL OR v.starts_at < $3)
      GROUP BY p.id, p.title, p.starts_on ORDER BY p.starts_on, p.id`,
    [mentorId, from, to],
  );
}
