import { auditInsertFrom, outboxInsertFrom } from '@codeshelf/core';
import type { EntityManager } from 'typeorm';

/** What a roster row is matched on: the teen's name and birth date, or the name and the guardian's e-mail. */
export interface TeenKey {
  firstName: string;
  lastName: string;
  birthDate: string;
  guardianEmail: string;
}

/** A teen already known for a key, by its index in the list asked. */
export interface KnownTeen {
  index: number;
  id: string;
  homeBranchId: string | null;
  birthDate: string;
  consentStatus: string;
}

// One statement for the whole roster: each key looks the name up in participant_known_key (lower-cased,
// not erased), then keeps the oldest match on birth date or on guardian e-mail.
const KNOWN_TEENS = `
SELECT k.index, p.id, p.home_branch_id AS "homeBranchId", p.birth_date::text AS "birthDate", p.consent_status AS "consentStatus"
  FROM jsonb_to_recordset($1::jsonb) AS k(index int, first_name text, last_name text, birth_date date, guardian_email text)
  CROSS JOIN LATERAL (
    SELECT p.id, p.home_branch_id, p.birth_date, p.consent_status FROM participant p
     WHERE lower(p.last_name) = lower(k.last_name) AND lower(p.first_name) = lower(k.first_name) AND p.erased_at IS NULL
       AND (p.birth_date = k.birth_date OR lower(p.guardian_email) = lower(k.guardian_email))
     ORDER BY p.created_at, p.id LIMIT 1) p`;

/** The teens not erased that the keys name, if any: never a second record for the same teen. */
export function knownTeens(db: EntityManager, keys: TeenKey[]): Promise<KnownTeen[]> {
  if (!keys.length) return Promise.resolve([]);
  const rows = keys.map((k, index) => ({ index, first_name: k.firstName, last_name: k.lastName, birth_date: k.birthDate, guardian_email: k.guardianEmail }));
  return db.query(KNOWN_TEENS, [JSON.stringify(rows)]);
}

/** A new teen of a roster, with the consent link and mail its guardian gets when the teen is a minor. */
export interface RosterTeenRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  school: string | null;
  school_id: string | null;
  grade: number | null;
  guardian_name: string;
  guardian_email: string;
  guardian_language: string;
  home_branch_id: string;
  consent_status: 'pending' | 'granted';
  token_hash: string | null;
  token_expires_at: string | null;
  mail: Record<string, unknown> | null;
}

/**
 * Every new teen of a roster in one statement: their records, the consent links and mails of the minors,
 * and one `participant.created` audit event each, as ParticipantsService.createRecord writes for one teen.
 */
const INSERT_ROSTER = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, first_name text, last_name text, birth_date date, school text, school_id uuid, grade int,
         guardian_name text, guardian_email text, guardian_language text, home_branch_id uuid, consent_status text,
         token_hash text, token_expires_at timestamptz, mail jsonb)
), teens AS (
  INSERT INTO participant (id, first_name, last_name, birth_date, school, school_id, grade, guardian_name, guardian_email, guardian_language,
                           home_branch_id, consent_status, consent_granted_at)
  SELECT id, first_name, last_name, birth_date, school, school_id, grade, guardian_name, guardian_email, guardian_language,
         home_branch_id, consent_status, CASE WHEN consent_status = 'granted' THEN now() END
    FROM input
), links AS (
  INSERT INTO guardian_consent_token (participant_id, token_hash, expires_at)
  SELECT id, token_hash, token_expires_at FROM input WHERE token_hash IS NOT NULL
), mails AS (
  ${outboxInsertFrom('(SELECT mail FROM input WHERE mail IS NOT NULL) m', '$5::text', 'm.mail')}
)
${auditInsertFrom('input', {
  actorId: '$2::uuid',
  actorKind: '$3::text',
  action: `'participant.created'`,
  entity: `'participant'`,
  entityId: 'input.id',
  changes: `jsonb_build_object('via', 'roster-import', 'consentStatus', input.consent_status)`,
  requestId: '$4::text',
})}`;

export async function insertRosterTeens(
  db: EntityManager,
  rows: RosterTeenRow[],
  actor: { id: string | null; kind: string },
  requestId: string | null,
  mailTopic: string,
): Promise<void> {
  if (rows.length) await db.query(INSERT_ROSTER, [JSON.stringify(rows), actor.id, actor.kind, requestId, mailTopic]);
}
