import type { EntityManager } from 'typeorm';

/**
 * What an erasure (rule 10, in people) does to the records core keeps for their own sake: messages, audit
 * events and stored idempotent answers. Rows are found by `refs`, ILIKE patterns of what only the erased
 * person has (their ids, their own addresses); each function runs in the erasure's transaction `db`.
 */

/** A kept message that mentions the erased person, locked for the rest of the transaction. */
export interface MentioningMessage {
  id: string;
  payload: unknown;
  last_error: string | null;
}

/** A kept audit event about or mentioning the erased person, locked for the rest of the transaction. */
export interface MentioningAuditEvent {
  id: string;
  changes: unknown;
}

/** Drops the messages not yet sent that mention them: they would not be sent now. */
export async function dropPendingMessagesMentioning(db: EntityManager, refs: string[]): Promise<void> {
  await db.query(`DELETE FROM outbox_message WHERE status = 'pending' AND payload::text ILIKE ANY($1)`, [refs]);
}

/** The other messages that mention them (sent, failed, in delivery), locked, to be rewritten with the values replaced. */
export function lockMessagesMentioning(db: EntityManager, refs: string[]): Promise<MentioningMessage[]> {
  return db.query(`SELECT id, payload, last_error FROM outbox_message WHERE payload::text ILIKE ANY($1) FOR UPDATE`, [refs]);
}

export async function rewriteMessage(db: EntityManager, id: string, payload: unknown, lastError: string | null): Promise<void> {
  await db.query(`UPDATE outbox_message SET payload = $2, last_error = $3 WHERE id = $1`, [id, JSON.stringify(payload), lastError]);
}

/** The audit events about one of `entityIds` or whose changes mention them, locked, to be rewritten with the values replaced. */
export function lockAuditEventsMentioning(db: EntityManager, refs: string[], entityIds: string[]): Promise<MentioningAuditEvent[]> {
  return db.query(`SELECT id, changes FROM audit_event WHERE entity_id = ANY($2::uuid[]) OR changes::text ILIKE ANY($1) FOR UPDATE`, [refs, entityIds]);
}

export async function rewriteAuditChanges(db: EntityManager, id: string, changes: unknown): Promise<void> {
  await db.query(`UPDATE audit_event SET changes = $2 WHERE id = $1`, [id, JSON.stringify(changes)]);
}

/** Forgets the stored idempotent answers of their login's `scope` and those that mention them. */
export async function forgetIdempotentAnswersMentioning(db: EntityManager, scope: string, refs: string[]): Promise<void> {
  await db.query(`DELETE FROM idempotency_key WHERE scope = $1 OR response_body::text ILIKE ANY($2)`, [scope, refs]);
}
