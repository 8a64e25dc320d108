import { Global, Module } from '@nestjs/common';
import { SchedulerModule } from '../jobs/scheduler.module';
import { IdempotencySweep } from './idempotency-sweep';
import { IdempotencyInterceptor } from './idempotent.decorator';
import { IdempotencyService } from './idempotency.service';

/** `@Idempotent()` routes in any feature share one store of keys, which a scheduled job sweeps. */
@Global()
@Module({
  imports: [SchedulerModule],
  providers: [IdempotencyService, IdempotencyInterceptor, IdempotencySweep],
  exports: [IdempotencyService, IdempotencyInterceptor, IdempotencySweep],
})
export class IdempotencyModule {}
