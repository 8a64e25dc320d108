import type { AuditActor } from '@codeshelf/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type ErasingHandler = (manager: EntityManager, participantId: string, actor: AuditActor) => Promise<void>;

/**
 * Lets features built on people act inside an erasure's own transaction, without people importing them
 * (which would be a cycle): enrollment gives up the teen's seats and waitlist places.
 */
@Injectable()
export class ErasureEvents {
  private readonly erasing: ErasingHandler[] = [];

  onErasing(handler: ErasingHandler): void {
    this.erasing.push(handler);
  }

  async emitErasing(manager: EntityManager, participantId: string, actor: AuditActor): Promise<void> {
    for (const handler of this.erasing) await handler(manager, participantId, actor);
  }
}
