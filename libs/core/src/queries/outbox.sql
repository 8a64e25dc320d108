-- The SQL of outbox.ts, written by `npm run lint:tables -- --write`: do not edit.

-- outboxInsertFrom
INSERT INTO outbox_message (topic, payload, available_at)
SELECT ${topic}, ${payload}, ${availableAt}
  FROM ${source}

-- ENQUEUE
(SELECT $1::text AS topic, $2::jsonb AS payload, COALESCE($3::timestamptz, now()) AS available_at) message

-- reschedulePending
UPDATE outbox_message SET available_at = $2 WHERE topic = ${constant(topic)} AND status = 'pending' AND payload->>${constant(key)} = $1

-- skipPending
UPDATE outbox_message SET status = 'skipped', last_error = $2 WHERE topic = ${constant(topic)} AND status = 'pending' AND payload->>${constant(key)} = ANY($1::text[])

-- CLAIM_DUE
UPDATE outbox_message SET locked_until = now() + make_interval(secs => $2), attempts = attempts + 1
WHERE id IN (SELECT id FROM outbox_message
              WHERE status = 'pending' AND available_at <= now() AND (locked_until IS NULL OR locked_until < now())
              ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
RETURNING id, topic, payload, attempts, delivered, created_at AS "createdAt"

-- recordDeliveredPart
UPDATE outbox_message SET delivered = array_append(delivered, $2) WHERE id = $1 AND NOT ($2 = ANY(delivered))

-- markMessageDone
UPDATE outbox_message SET status = $2, sent_at = now(), locked_until = NULL, last_error = NULL, payload = payload - 'consentUrl' WHERE id = $1

-- markTryFailed
UPDATE outbox_message SET locked_until = NULL, last_error = $2, available_at = now() + make_interval(secs => $3),
          status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'pending' END
    WHERE id = $1

-- [rows]
UPDATE outbox_message SET status = 'pending', attempts = 0, available_at = now(), locked_until = NULL WHERE id = $1 AND status = 'failed' RETURNING id
