import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';

/** What every Codeshelf process needs before any feature: configuration, logs, the database, health, audit and outbox. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, HealthModule, AuditModule],
})
export class CoreModule {}
