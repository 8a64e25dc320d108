import { seatHolders } from '@codeshelf/enrollment';
import { teenContacts } from '@codeshelf/people';
import { sessionMentors } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';

/** A teen or a mentor to write to, and how to greet them. */
export interface Recipient {
  id: string;
  first_name: string;
  email: string | null;
}

const AUDIENCE = `SELECT t.id, t.first_name, t.email FROM ${seatHolders()} e JOIN ${teenContacts()} t ON t.id = e.participant_id
                   WHERE e.program_id = $1 AND e.status = 'enrolled'
                  UNION ALL
                  SELECT m.mentor_id, m.first_name, m.email FROM ${sessionMentors()} m WHERE m.session_id = $2
                  ORDER BY 1`;

/**
 * Who a session's news goes to: the teens enrolled in its program (not those who completed it) and every
 * mentor assigned to it (a cancelled session's too), by id: the order numbers each one's Message-ID.
 */
export function sessionAudience(db: EntityManager, programId: string, sessionId: string): Promise<Recipient[]> {
  return db.query(AUDIENCE, [programId, sessionId]);
}
