import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppEnv, envConfig } from '../config/config.module';
import { dataSourceOptions } from './data-source.options';

/**
 * Where the report routes read: the read replica at REPORTING_DATABASE_URL when it is set, else the one
 * DataSource every other route uses. The replica's pool is the API's own (DB_POOL_SIZE), with the same timeouts.
 */
@Injectable()
export class ReportingDataSource implements OnModuleInit, OnApplicationShutdown {
  private replica?: DataSource;

  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly primary: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.env.REPORTING_DATABASE_URL) return;
    const options = dataSourceOptions({ ...this.env, DATABASE_URL: this.env.REPORTING_DATABASE_URL });
    // Raw SQL only, and never migrated from here: the replica follows the primary's schema.
    this.replica = await new DataSource({
      ...options,
      entities: [],
      migrations: [],
      extra: { ...(options.extra as object), application_name: 'codeshelf-reporting' },
    }).initialize();
  }

  dataSource(): DataSource {
    return this.replica ?? this.primary;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replica?.destroy();
  }
}
