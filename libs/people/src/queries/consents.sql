-- The SQL of consents.ts, written by `npm run lint:tables -- --write`: do not edit.

-- rows
SELECT p.first_name, p.guardian_name, p.guardian_language, t.expires_at, (t.used_at IS NULL AND t.expires_at > now() AND p.erased_at IS NULL) AS open
     FROM guardian_consent_token t JOIN participant p ON p.id = t.participant_id
    WHERE t.token_hash = $1
