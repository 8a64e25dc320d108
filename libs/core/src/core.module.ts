import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';

/** What every Codeshelf process needs before any feature: configuration, logs, the database, health. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, HealthModule],
})
export class CoreModule {}
