-- The SQL of roster.ts, written by `npm run lint:tables -- --write`: do not edit.

-- KNOWN_TEENS
SELECT k.index, p.id, p.home_branch_id AS "homeBranchId", p.birth_date::text AS "birthDate", p.consent_status AS "consentStatus"
FROM jsonb_to_recordset($1::jsonb) AS k(index int, first_name text, last_name text, birth_date date, guardian_email text)
CROSS JOIN LATERAL (
  SELECT p.id, p.home_branch_id, p.birth_date, p.consent_status FROM participant p
   WHERE lower(p.last_name) = lower(k.last_name) AND lower(p.first_name) = lower(k.first_name) AND p.erased_at IS NULL
     AND (p.birth_date = k.birth_date OR lower(p.guardian_email) = lower(k.guardian_email))
   ORDER BY p.created_at, p.id LIMIT 1) p

-- INSERT_ROSTER
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
})}
