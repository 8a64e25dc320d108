import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LoggingModule } from './logging/logging.module';

/** What every Codeshelf process needs before any feature: configuration, logs, the database, health, audit, outbox and idempotency keys. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, HealthModule, AuditModule, IdempotencyModule],
})
export class CoreModule {}
