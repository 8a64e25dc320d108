import type { AuditActor } from '@codeshelf/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProgramEntity } from './program.entity';

export type SeatsAddedHandler = (manager: EntityManager, program: ProgramEntity, actor: AuditActor) => Promise<void>;

/**
 * Lets features built on scheduling act inside a program change's own transaction, without scheduling
 * importing them (which would be a cycle): enrollment fills seats a raised capacity adds.
 */
@Injectable()
export class ProgramEvents {
  private readonly seatsAdded: SeatsAddedHandler[] = [];

  onSeatsAdded(handler: SeatsAddedHandler): void {
    this.seatsAdded.push(handler);
  }

  async emitSeatsAdded(manager: EntityManager, program: ProgramEntity, actor: AuditActor): Promise<void> {
    for (const handler of this.seatsAdded) await handler(manager, program, actor);
  }
}
