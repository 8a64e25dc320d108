import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { dropEndedCounters, hitCounters } from '../queries/rate-limit';
import { type RateLimitBucket, type RateLimitCount, RateLimitStore } from './rate-limit.store';

const SWEEP_EVERY_MS = 60_000;

/** The default store: an UNLOGGED table in the application's PostgreSQL (counters need no crash safety). */
export class PostgresRateLimitStore extends RateLimitStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async hit(buckets: RateLimitBucket[]): Promise<RateLimitCount[]> {
    const rows = await hitCounters(this.dataSource.manager, buckets.map((b) => b.key), buckets.map((b) => b.windowSeconds));
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return buckets.map((bucket) => {
      const row = byKey.get(bucket.key)!;
      return { hits: row.hits, resetSeconds: Math.max(1, row.reset_seconds) };
    });
  }

  // Ended windows are reused by the next hit of their key; the sweep drops the keys nobody came back with,
  // by the index on expires_at.
  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private async sweep(): Promise<void> {
    await dropEndedCounters(this.dataSource.manager).catch((error: unknown) => this.logger.warn({ err: error }, 'could not drop ended rate-limit windows'));
  }
}
