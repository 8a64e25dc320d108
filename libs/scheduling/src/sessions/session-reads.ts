import { keysetQuery, type PageQueryDto, type SqlQuery } from '@codeshelf/core';
import type { MentorRole } from '../mentors/session-mentor.entity';
import type { SessionEntity } from './session.entity';

/** A program's sessions page as SQL text, under the entity's property names (see programs/program-reads.ts). */
const SESSION_COLUMNS = `s.id, s.program_id AS "programId", s.series_id AS "seriesId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.room_id AS "roomId", s.topic, s.status, s.cancel_reason AS "cancelReason"`;

// The public sees a mentor by first name only (the first word of the display name): never the e-mail or the
// rest of the name. One subquery per page row, in the same statement: no query per session.
const MENTOR_FIRST_NAMES = `COALESCE((
  SELECT json_agg(json_build_object('firstName', (regexp_split_to_array(btrim(u.display_name), '\\s+'))[1], 'role', sm.role)
                  ORDER BY sm.role = 'lead' DESC, u.display_name, sm.mentor_id)
    FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN user_account u ON u.id = m.user_id
   WHERE sm.session_id = s.id AND sm.active), '[]'::json) AS mentors`;

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
