import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';

/** Writes outbox messages inside the caller's transaction; a worker delivers them after commit. */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, topic: string, payload: Record<string, unknown>): Promise<void> {
    await manager.getRepository(OutboxMessageEntity).insert({ topic, payload: payload as object });
  }
}
