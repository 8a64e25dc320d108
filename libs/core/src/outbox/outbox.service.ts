import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ProblemError } from '../errors/problem';
import { type Page, type PageQueryDto, paginate } from '../pagination/pagination';
import { enqueueMessage, requeueFailed } from '../queries/outbox';
import { OutboxMessageEntity, type OutboxStatus } from './outbox-message.entity';

export class OutboxMessageNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'outbox-message-not-found', 'Message not found', `No failed outbox message ${id}.`);
  }
}

/** Writes outbox messages inside the caller's transaction; a worker delivers them after commit. */
@Injectable()
export class OutboxService {
  constructor(@InjectRepository(OutboxMessageEntity) private readonly messages: Repository<OutboxMessageEntity>) {}

  /** A message to deliver after commit: at once, or at `availableAt` (a reminder). */
  enqueue(manager: EntityManager, topic: string, payload: Record<string, unknown>, availableAt?: Date): Promise<void> {
    return enqueueMessage(manager, topic, payload, availableAt);
  }

  /** Messages by status, oldest first: what admins look at when something did not arrive. */
  list(status: OutboxStatus | undefined, query: PageQueryDto): Promise<Page<OutboxMessageEntity>> {
    const qb = this.messages.createQueryBuilder('m');
    if (status) qb.where('m.status = :status', { status });
    return paginate(qb, query, 'createdAt');
  }

  /** A failed message goes back in line with its tries counted from zero. */
  async retry(id: string): Promise<OutboxMessageEntity> {
    const requeued = await requeueFailed(this.messages.manager, id);
    if (!requeued) throw new OutboxMessageNotFoundError(id);
    return this.messages.findOneByOrFail({ id });
  }
}
