import type { EntityManager } from 'typeorm';
import type { GuardianLanguage } from '../participants/participant.entity';

/** What a consent link asks for, and whether it is still open (unused, not expired, its teen not erased). */
export interface ConsentLink {
  first_name: string;
  guardian_name: string;
  guardian_language: GuardianLanguage;
  expires_at: Date;
  open: boolean;
}

/** The link whose token hashes to `tokenHash`, if any. */
export async function consentLink(db: EntityManager, tokenHash: string): Promise<ConsentLink | undefined> {
  const rows: ConsentLink[] = await db.query(
    `SELECT p.first_name, p.guardian_name, p.guardian_language, t.expires_at, (t.used_at IS NULL AND t.expires_at > now() AND p.erased_at IS NULL) AS open
       FROM guardian_consent_token t JOIN participant p ON p.id = t.participant_id
      WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}
