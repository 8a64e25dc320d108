import { keysetQuery, type PageQueryDto, type SqlQuery } from '@codeshelf/core';
import type { SessionEntity } from './session.entity';

/** A program's sessions page as SQL text, under the entity's property names (see programs/program-reads.ts). */
const SESSION_COLUMNS = `s.id, s.program_id AS "programId", s.series_id AS "seriesId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.room_id AS "roomId", s.topic, s.status, s.cancel_reason AS "cancelReason"`;

export type SessionRow = Pick<SessionEntity, 'id' | 'programId' | 'seriesId' | 'startsAt' | 'endsAt' | 'roomId' | 'topic' | 'status' | 'cancelReason'> & {
  page_sort_value: string;
};

export function programSessionsQuery(programId: string, page: PageQueryDto): SqlQuery {
  return keysetQuery({ select: SESSION_COLUMNS, from: 'session s', where: ['s.program_id = $1'], values: [programId], sortBy: 's.starts_at', idBy: 's.id' }, page);
}
