import type { EntityManager } from 'typeorm';

/** A teen as a sheet or a roster shows them: a name, nothing else of their record. */
export interface ParticipantName {
  id: string;
  firstName: string;
  lastName: string;
}

/** The names of the teens among $1 who are not erased (the benchmark's baseline imports it, see bench/). */
export const PARTICIPANT_NAMES = `SELECT id, first_name AS "firstName", last_name AS "lastName" FROM participant WHERE id = ANY($1::uuid[]) AND erased_at IS NULL`;

export function participantNames(db: EntityManager, ids: string[]): Promise<ParticipantName[]> {
  return db.query(PARTICIPANT_NAMES, [ids]);
}
