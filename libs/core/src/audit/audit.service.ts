import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { requestContext } from '../http/request-context';
import { insertAuditEvent } from '../queries/audit';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditActor {
  id: string | null;
  kind: 'user' | 'api-key' | 'anonymous' | 'system';
}

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Appends audit events; pass the transaction's manager so the event commits with the change it describes.
 * An event written while serving a request carries that request's id (the X-Request-Id of the answer).
 */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  async record(event: AuditRecord, manager?: EntityManager): Promise<void> {
    await insertAuditEvent(manager ?? this.events.manager, {
      actorId: event.actor.id,
      actorKind: event.actor.kind,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId ?? null,
      changes: event.changes ?? {},
      requestId: event.requestId ?? requestContext.getStore()?.requestId ?? null,
    });
  }
}
