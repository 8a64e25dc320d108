-- The SQL of audit.ts, written by `npm run lint:tables -- --write`: do not edit.

-- auditInsertFrom
INSERT INTO audit_event (actor_id, actor_kind, action, entity, entity_id, changes, request_id)
SELECT ${c.actorId}, ${c.actorKind}, ${c.action}, ${c.entity}, ${c.entityId}, ${c.changes}, ${c.requestId}
  FROM ${source}
