-- The SQL of issued-certificates.ts, written by `npm run lint:tables -- --write`: do not edit.

-- issuedCertificates
(SELECT c.id, c.program_id, c.participant_id, c.issued_at FROM certificate c WHERE c.revoked_at IS NULL)
