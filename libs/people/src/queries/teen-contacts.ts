import { accounts } from '@codeshelf/identity';
import type { EntityManager } from 'typeorm';

/** Where a teen is written to, and how they are greeted. */
export interface TeenContact {
  id: string;
  first_name: string;
  email: string | null;
}

/**
 * Read model: the teens that can be written to (an erased teen is not), each with their address: their own
 * contact, else their login, else (for a teen without either) their guardian's. A relation another feature's
 * statement can join (`JOIN ${teenContacts()} t ON t.id = …`). Columns: id, first_name, email.
 */
export function teenContacts(): string {
  return `(SELECT pt.id, pt.first_name, COALESCE(pt.contact_email, u.email, pt.guardian_email) AS email
             FROM participant pt LEFT JOIN ${accounts()} u ON u.id = pt.user_id WHERE pt.erased_at IS NULL)`;
}

/** Read model: one teen's contact (see teenContacts), or undefined for a teen erased or unknown. */
export async function teenContact(db: EntityManager, participantId: string): Promise<TeenContact | undefined> {
  const [teen] = await db.query(`SELECT t.id, t.first_name, t.email FROM ${teenContacts()} t WHERE t.id = $1`, [participantId]);
  return teen;
}

/** A teen's guardian as a letter to them needs: who, where, in which language, and the teen's birth date (to tell a minor). */
export interface TeenGuardian {
  teen_first_name: string;
  birth_date: string;
  guardian_name: string | null;
  guardian_email: string | null;
  guardian_language: string;
}

/** Read model: the guardian on file for a teen (none for an erased or unknown teen). */
export async function teenGuardian(db: EntityManager, participantId: string): Promise<TeenGuardian | undefined> {
  const [row] = await db.query(
    `SELECT first_name AS teen_first_name, birth_date::text AS birth_date, guardian_name, guardian_email, guardian_language
       FROM participant WHERE id = $1 AND erased_at IS NULL`,
    [participantId],
  );
  return row;
}
