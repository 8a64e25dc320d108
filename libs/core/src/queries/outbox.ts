import type { EntityManager } from 'typeorm';

/**
 * The outbox's writes. A message is inserted by one text, `outboxInsertFrom`: OutboxService.enqueue runs it for
 * one message, and a feature whose hot path must stay one statement (enrollment's ENROLL) makes it a CTE part.
 */

/**
 * `INSERT INTO outbox_message … SELECT … FROM <source>`: one message per row of `source` (a CTE's name or a
 * relation), its topic (text) and payload (jsonb) SQL expressions over the source's columns, due at
 * `availableAt` (now: deliver at once). No RETURNING, so it can be a data-modifying CTE of another statement.
 */
export function outboxInsertFrom(source: string, topic: string, payload: string, availableAt = 'now()'): string {
  return `INSERT INTO outbox_message (topic, payload, available_at)
  SELECT ${topic}, ${payload}, ${availableAt}
    FROM ${source}`;
}

const ENQUEUE = outboxInsertFrom(
  '(SELECT $1::text AS topic, $2::jsonb AS payload, COALESCE($3::timestamptz, now()) AS available_at) message',
  'topic',
  'payload',
  'available_at',
);

/** Writes one message in the caller's transaction, to be delivered after commit (at `availableAt`, if given). */
export async function enqueueMessage(db: EntityManager, topic: string, payload: Record<string, unknown>, availableAt?: Date): Promise<void> {
  await db.query(ENQUEUE, [topic, JSON.stringify(payload), availableAt ?? null]);
}

// Topic and payload key are the caller's constants, written into the text so that a partial index on
// `payload->>'<key>' WHERE topic = '<topic>' AND status = 'pending'` (the session reminders') serves it.
function constant(text: string): string {
  if (!/^[\w.]+$/.test(text)) throw new Error(`Not a topic or payload key: ${text}`);
  return `'${text}'`;
}

/** Messages of `topic` not sent yet whose payload's `key` is `value` become due at `availableAt`. */
export async function reschedulePending(db: EntityManager, topic: string, key: string, value: string, availableAt: Date): Promise<void> {
  await db.query(`UPDATE outbox_message SET available_at = $2 WHERE topic = ${constant(topic)} AND status = 'pending' AND payload->>${constant(key)} = $1`, [
    value,
    availableAt,
  ]);
}

/** Messages of `topic` not sent yet whose payload's `key` is one of `values` are skipped; `reason` says why. */
export async function skipPending(db: EntityManager, topic: string, key: string, values: string[], reason: string): Promise<void> {
  await db.query(
    `UPDATE outbox_message SET status = 'skipped', last_error = $2 WHERE topic = ${constant(topic)} AND status = 'pending' AND payload->>${constant(key)} = ANY($1::text[])`,
    [values, reason],
  );
}

/** A message as a delivering worker claimed it. */
export interface ClaimedOutboxMessage {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
  /** The parts already delivered (`mail:<Message-ID>`, `hook:<endpoint id>`). */
  delivered: string[];
  createdAt: Date;
}

const CLAIM_DUE = `UPDATE outbox_message SET locked_until = now() + make_interval(secs => $2), attempts = attempts + 1
  WHERE id IN (SELECT id FROM outbox_message
                WHERE status = 'pending' AND available_at <= now() AND (locked_until IS NULL OR locked_until < now())
                ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING id, topic, payload, attempts, delivered, created_at AS "createdAt"`;

/**
 * Claims up to `limit` due messages, oldest first, under a lease of `leaseSeconds` (counted as a try): FOR
 * UPDATE SKIP LOCKED lets any number of workers share the table without taking the same message, and a dead
 * worker's claim lapses.
 */
export async function claimDueMessages(db: EntityManager, limit: number, leaseSeconds: number): Promise<ClaimedOutboxMessage[]> {
  const [claimed]: [ClaimedOutboxMessage[], number] = await db.query(CLAIM_DUE, [limit, leaseSeconds]);
  return claimed;
}

/** Records one part of a message as delivered, so a retry does not send it again. */
export async function recordDeliveredPart(db: EntityManager, id: string, part: string): Promise<void> {
  await db.query(`UPDATE outbox_message SET delivered = array_append(delivered, $2) WHERE id = $1 AND NOT ($2 = ANY(delivered))`, [id, part]);
}

/** Marks a claimed message done (`sent`, or `skipped` when it had nobody to go to); the consent link is not kept in the clear any longer. */
export async function markMessageDone(db: EntityManager, id: string, status: 'sent' | 'skipped'): Promise<void> {
  await db.query(
    `UPDATE outbox_message SET status = $2, sent_at = now(), locked_until = NULL, last_error = NULL, payload = payload - 'consentUrl' WHERE id = $1`,
    [id, status],
  );
}

/** A try that failed: the message waits `waitSeconds` before the next, or is `failed` once it had `maxAttempts`. */
export async function markTryFailed(db: EntityManager, id: string, error: string, waitSeconds: number, maxAttempts: number): Promise<void> {
  await db.query(
    `UPDATE outbox_message SET locked_until = NULL, last_error = $2, available_at = now() + make_interval(secs => $3),
            status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'pending' END
      WHERE id = $1`,
    [id, error, waitSeconds, maxAttempts],
  );
}

/**
 * Enqueues one message of `topic` per payload, skipping any a unique index says is queued already (the monthly
 * report's, one per sponsor and month): of workers writing the same messages at once, one writes, the rest no-op.
 */
export async function enqueueUnlessQueued(db: EntityManager, topic: string, payloads: Record<string, unknown>[]): Promise<void> {
  if (!payloads.length) return;
  await db.query(`${outboxInsertFrom('jsonb_array_elements($2::jsonb) p', '$1::text', 'p')} ON CONFLICT DO NOTHING`, [topic, JSON.stringify(payloads)]);
}

/** A failed message goes back in line with its tries counted from zero; false when there is no such failed message. */
export async function requeueFailed(db: EntityManager, id: string): Promise<boolean> {
  const [rows]: [unknown[], number] = await db.query(
    `UPDATE outbox_message SET status = 'pending', attempts = 0, available_at = now(), locked_until = NULL WHERE id = $1 AND status = 'failed' RETURNING id`,
    [id],
  );
  return rows.length > 0;
}
