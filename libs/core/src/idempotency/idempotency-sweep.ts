import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Scheduler } from '../jobs/scheduler';
import { IdempotencyService } from './idempotency.service';

/** How often the sweep runs. */
const SWEEP_EVERY_MS = 60_000;

/** A scheduled job: idempotency keys past their 24 hours are deleted, once a minute. */
@Injectable()
export class IdempotencySweep implements OnModuleInit {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly scheduler: Scheduler,
    private readonly idempotency: IdempotencyService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'sweeping expired idempotency keys', everyMs: SWEEP_EVERY_MS, run: () => this.sweep() });
  }

  async sweep(): Promise<void> {
    const swept = await this.idempotency.sweepExpired();
    if (swept) this.logger.log(`deleted ${swept} expired idempotency keys`);
  }
}
