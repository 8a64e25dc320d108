import type { EntityManager } from 'typeorm';

/**
 * The audit trail's one insert, `auditInsertFrom`: AuditService.record runs it for one event, and a feature
 * whose hot path must stay one statement (enrollment's ENROLL) makes it a CTE part.
 */

/** SQL expressions for an audit event's columns, over the source's columns or parameters. */
export interface AuditColumns {
  actorId: string;
  actorKind: string;
  action: string;
  entity: string;
  entityId: string;
  changes: string;
  requestId: string;
}

/**
 * `INSERT INTO audit_event … SELECT … FROM <source>`: one event per row of `source` (a CTE's name or a relation).
 * No RETURNING, so it can be a data-modifying CTE of another statement.
 */
export function auditInsertFrom(source: string, c: AuditColumns): string {
  return `INSERT INTO audit_event (actor_id, actor_kind, action, entity, entity_id, changes, request_id)
  SELECT ${c.actorId}, ${c.actorKind}, ${c.action}, ${c.entity}, ${c.entityId}, ${c.changes}, ${c.requestId}
    FROM ${source}`;
}

const RECORD = auditInsertFrom('(VALUES (1)) event', {
  actorId: '$1::uuid',
  actorKind: '$2::text',
  action: '$3::text',
  entity: '$4::text',
  entityId: '$5::uuid',
  changes: '$6::jsonb',
  requestId: '$7::text',
});

export interface AuditEventRow {
  actorId: string | null;
  actorKind: string;
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
}

/** Appends one event in the caller's transaction. */
export async function insertAuditEvent(db: EntityManager, e: AuditEventRow): Promise<void> {
  await db.query(RECORD, [e.actorId, e.actorKind, e.action, e.entity, e.entityId, JSON.stringify(e.changes), e.requestId]);
}
