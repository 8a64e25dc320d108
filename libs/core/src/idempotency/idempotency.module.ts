import { Global, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotent.decorator';
import { IdempotencyService } from './idempotency.service';

/** `@Idempotent()` routes in any feature share one store of keys. */
@Global()
@Module({
  providers: [IdempotencyService, IdempotencyInterceptor],
  exports: [IdempotencyService, IdempotencyInterceptor],
})
export class IdempotencyModule {}
