-- The SQL of idempotency.ts, written by `npm run lint:tables -- --write`: do not edit.

-- CLAIM
INSERT INTO idempotency_key (scope, key, fingerprint, state, claim_token, locked_until, expires_at)
VALUES ($1, $2, $3, 'in_flight', gen_random_uuid(), now() + make_interval(secs => $4), now() + make_interval(hours => $5))
ON CONFLICT (scope, key) DO UPDATE
   SET fingerprint = EXCLUDED.fingerprint, state = 'in_flight', response_status = NULL, response_body = NULL,
       claim_token = EXCLUDED.claim_token, locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at, created_at = now()
 WHERE idempotency_key.expires_at < now()
    OR (idempotency_key.state = 'in_flight' AND idempotency_key.locked_until < now() AND idempotency_key.fingerprint = EXCLUDED.fingerprint)
RETURNING claim_token

-- [, deleted]
DELETE FROM idempotency_key WHERE (scope, key) IN (SELECT scope, key FROM idempotency_key WHERE expires_at < now() LIMIT $1)

-- [held]
SELECT fingerprint, state, response_status, response_body, GREATEST(1, CEIL(EXTRACT(EPOCH FROM locked_until - now())))::int AS wait
     FROM idempotency_key WHERE scope = $1 AND key = $2

-- [, updated]
UPDATE idempotency_key SET state = 'completed', response_status = $4, response_body = $5, locked_until = NULL
    WHERE scope = $1 AND key = $2 AND claim_token = $3 AND state = 'in_flight'

-- releaseClaim
DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND claim_token = $3 AND state = 'in_flight'
