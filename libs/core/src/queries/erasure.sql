-- The SQL of erasure.ts, written by `npm run lint:tables -- --write`: do not edit.

-- dropPendingMessagesMentioning
DELETE FROM outbox_message WHERE status = 'pending' AND payload::text ILIKE ANY($1)

-- lockMessagesMentioning
SELECT id, payload, last_error FROM outbox_message WHERE payload::text ILIKE ANY($1) FOR UPDATE

-- rewriteMessage
UPDATE outbox_message SET payload = $2, last_error = $3 WHERE id = $1

-- lockAuditEventsMentioning
SELECT id, changes FROM audit_event WHERE entity_id = ANY($2::uuid[]) OR changes::text ILIKE ANY($1) FOR UPDATE

-- rewriteAuditChanges
UPDATE audit_event SET changes = $2 WHERE id = $1

-- forgetIdempotentAnswersMentioning
DELETE FROM idempotency_key WHERE scope = $1 OR response_body::text ILIKE ANY($2)
