import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppEnv, envConfig } from '../config/config.module';
import { PostgresRateLimitStore } from './postgres-rate-limit.store';
import { RateLimitStore } from './rate-limit.store';
import { RateLimiter } from './rate-limiter';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/** Rate limits shared by every API process: counted in PostgreSQL, or in Redis when REDIS_URL is set. */
@Global()
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [envConfig.KEY, DataSource],
      useFactory: (env: AppEnv, dataSource: DataSource) => (env.REDIS_URL ? new RedisRateLimitStore(env.REDIS_URL) : new PostgresRateLimitStore(dataSource)),
    },
    RateLimiter,
  ],
  exports: [RateLimiter],
})
export class RateLimitModule {}
