import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { type RateLimitBucket, type RateLimitCount, RateLimitStore } from './rate-limit.store';

// One statement per request, however many buckets: the upsert locks each counter's row, so hits from any
// number of processes are counted one after the other and never both pass the limit. A window that has ended
// starts over in the same statement. Rows go in key order, so two requests sharing counters lock them in the
// same order and never deadlock.
const HIT = `
  INSERT INTO rate_limit_counter AS c (key, hits, expires_at)
  SELECT b.key, 1, now() + make_interval(secs => b.seconds) FROM unnest($1::text[], $2::int[]) AS b(key, seconds) ORDER BY b.key
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END,
    expires_at = CASE WHEN c.expires_at <= now() THEN excluded.expires_at ELSE c.expires_at END
  RETURNING c.key, c.hits, ceil(extract(epoch FROM c.expires_at - now()))::int AS reset_seconds`;

const SWEEP_EVERY_MS = 60_000;

/** The default store: an UNLOGGED table in the application's PostgreSQL (counters need no crash safety). */
export class PostgresRateLimitStore extends RateLimitStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async hit(buckets: RateLimitBucket[]): Promise<RateLimitCount[]> {
    const rows: { key: string; hits: number; reset_seconds: number }[] = await this.dataSource.query(HIT, [buckets.map((b) => b.key), buckets.map((b) => b.windowSeconds)]);
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
    await this.dataSource.query(`DELETE FROM rate_limit_counter WHERE expires_at < now()`).catch((error: unknown) => this.logger.warn({ err: error }, 'could not drop ended rate-limit windows'));
  }
}
