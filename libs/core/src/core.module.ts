import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { SchedulerModule } from './jobs/scheduler.module';
import { LoggingModule } from './logging/logging.module';

/**
 * What every Codeshelf process needs before any feature: configuration, logs, the database, audit, outbox,
 * idempotency keys and the job scheduler. No routes, so the worker loads it too: the API adds HealthModule.
 */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, AuditModule, IdempotencyModule, SchedulerModule],
})
export class CoreModule {}
