import { keysetQuery, type PageQueryDto, type SqlQuery } from '@codeshelf/core';
import type { EntityManager } from 'typeorm';
import type { MentorRole } from '../mentors/session-mentor.entity';
import { sessionMentors } from './session-mentors';
import type { SessionEntity } from '../sessions/session.entity';

/** A program's sessions page as SQL text, under the entity's property names (see program-reads.ts). */
const SESSION_COLUMNS = `s.id, s.program_id AS "programId", s.series_id AS "seriesId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.room_id AS "roomId", s.topic, s.status, s.cancel_reason AS "cancelReason"`;

// The public sees a mentor by first name only (the first word of the display name): never the e-mail or the
// rest of the name. One subquery per page row, in the same statement: no query per session.
const MENTOR_FIRST_NAMES = `COALESCE((
  SELECT json_agg(json_build_object('firstName', sm.first_name, 'role', sm.role) ORDER BY sm.role = 'lead' DESC, sm.display_name, sm.mentor_id)
    FROM ${sessionMentors()} sm WHERE sm.session_id = s.id AND sm.active), '[]'::json) AS mentors`;

export type SessionMentorName = { firstName: string; role: MentorRole };

export type SessionRow = Pick<SessionEntity, 'id' | 'programId' | 'seriesId' | 'startsAt' | 'endsAt' | 'roomId' | 'topic' | 'status' | 'cancelReason'> & {
  mentors: SessionMentorName[];
  page_sort_value: string;
};

export function programSessionsQuery(programId: string, page: PageQueryDto): SqlQuery {
  return keysetQuery(
    { select: `${SESSION_COLUMNS}, ${MENTOR_FIRST_NAMES}`, from: 'session s', where: ['s.program_id = $1'], values: [programId], sortBy: 's.starts_at', idBy: 's.id' },
    page,
  );
}

/** A page of the program's sessions (and one more row, for the cursor). */
export function programSessions(db: EntityManager, programId: string, page: PageQueryDto): Promise<SessionRow[]> {
  const { text, values } = programSessionsQuery(programId, page);
  return db.query(text, values);
}

export type BranchSessionRow = SessionRow & { programTitle: string; branchId: string; roomName: string | null; mentorUserIds: string[] };

/** Sessions starting in [from, to) at these branches (all when null), with what a week's list shows, in one statement. */
export function branchSessionsQuery(branchIds: string[] | null, from: string, to: string, page: PageQueryDto): SqlQuery {
  return keysetQuery(
    {
      select: `${SESSION_COLUMNS}, p.title AS "programTitle", p.branch_id AS "branchId", r.name AS "roomName",
        ARRAY(SELECT m.user_id FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id
               WHERE sm.session_id = s.id AND sm.active ORDER BY sm.role DESC, m.id) AS "mentorUserIds"`,
      from: 'session s JOIN program p ON p.id = s.program_id LEFT JOIN room r ON r.id = s.room_id',
      where: ['s.starts_at >= $1', 's.starts_at < $2', '($3::uuid[] IS NULL OR p.branch_id = ANY($3::uuid[]))'],
      values: [from, to, branchIds],
      sortBy: 's.starts_at',
      idBy: 's.id',
    },
    page,
  );
}

/** A page of those sessions (and one more row, for the cursor). */
export function branchSessions(db: EntityManager, branchIds: string[] | null, from: string, to: string, page: PageQueryDto): Promise<BranchSessionRow[]> {
  const { text, values } = branchSessionsQuery(branchIds, from, to, page);
  return db.query(text, values);
}
