import type { EntityManager } from 'typeorm';

/** A key's row as a claim that lost finds it: whose request it is, and its answer or how long its lease still runs. */
export interface HeldKey {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  /** Set once completed. */
  response_status: number;
  response_body: unknown;
  /** Seconds until an in-flight claim's lease lapses, at least 1. */
  wait: number;
}

// A fresh key, an expired one, or an abandoned claim of the same request (same fingerprint) is taken over.
const CLAIM = `
  INSERT INTO idempotency_key (scope, key, fingerprint, state, claim_token, locked_until, expires_at)
  VALUES ($1, $2, $3, 'in_flight', gen_random_uuid(), now() + make_interval(secs => $4), now() + make_interval(hours => $5))
  ON CONFLICT (scope, key) DO UPDATE
     SET fingerprint = EXCLUDED.fingerprint, state = 'in_flight', response_status = NULL, response_body = NULL,
         claim_token = EXCLUDED.claim_token, locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at, created_at = now()
   WHERE idempotency_key.expires_at < now()
      OR (idempotency_key.state = 'in_flight' AND idempotency_key.locked_until < now() AND idempotency_key.fingerprint = EXCLUDED.fingerprint)
  RETURNING claim_token`;

/** Deletes up to `limit` keys past their expiry; answers how many. */
export async function deleteExpiredKeys(db: EntityManager, limit: number): Promise<number> {
  const [, deleted]: [unknown, number] = await db.query(
    `DELETE FROM idempotency_key WHERE (scope, key) IN (SELECT scope, key FROM idempotency_key WHERE expires_at < now() LIMIT $1)`,
    [limit],
  );
  return deleted;
}

/** Claims the key for `leaseSeconds`, kept `ttlHours`: the new claim's token, or undefined when the key is someone's. */
export async function claimKey(db: EntityManager, scope: string, key: string, fingerprint: string, leaseSeconds: number, ttlHours: number): Promise<string | undefined> {
  const claimed: { claim_token: string }[] = await db.query(CLAIM, [scope, key, fingerprint, leaseSeconds, ttlHours]);
  return claimed[0]?.claim_token;
}

/** The key's row, if it is still there. */
export async function heldKey(db: EntityManager, scope: string, key: string): Promise<HeldKey | undefined> {
  const [held]: HeldKey[] = await db.query(
    `SELECT fingerprint, state, response_status, response_body, GREATEST(1, CEIL(EXTRACT(EPOCH FROM locked_until - now())))::int AS wait
       FROM idempotency_key WHERE scope = $1 AND key = $2`,
    [scope, key],
  );
  return held;
}

/** Stores the answer under the claim `token`; false when the claim is no longer in flight under that token. */
export async function storeAnswer(db: EntityManager, scope: string, key: string, token: string, status: number, body: unknown): Promise<boolean> {
  const [, updated]: [unknown, number] = await db.query(
    `UPDATE idempotency_key SET state = 'completed', response_status = $4, response_body = $5, locked_until = NULL
      WHERE scope = $1 AND key = $2 AND claim_token = $3 AND state = 'in_flight'`,
    [scope, key, token, status, JSON.stringify(body ?? null)],
  );
  return updated > 0;
}

/** Gives up the claim `token` if it is still in flight (an answer that committed stays). */
export async function releaseClaim(db: EntityManager, scope: string, key: string, token: string): Promise<void> {
  await db.query(`DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND claim_token = $3 AND state = 'in_flight'`, [scope, key, token]);
}
