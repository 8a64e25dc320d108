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
