import type { OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { ProblemError } from '../errors/problem';
import { type RateLimitBucket, type RateLimitCount, RateLimitStore } from './rate-limit.store';

// Every bucket of a request in one script, which Redis runs atomically: a counter's first hit starts its window.
const HIT = `
  local out = {}
  for i, key in ipairs(KEYS) do
    local hits = redis.call('INCR', key)
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      redis.call('PEXPIRE', key, ARGV[i])
      ttl = tonumber(ARGV[i])
    end
    out[2 * i - 1] = hits
    out[2 * i] = ttl
  end
  return out`;

const PREFIX = 'codeshelf:rate-limit:';

export class RateLimitStoreUnavailableError extends ProblemError {
  constructor() {
    super(503, 'rate-limit-store-unavailable', 'Service unavailable', 'The rate-limit store is unreachable; try again shortly.', { retryAfterSeconds: 2 });
  }
}

type HitCommand = (keyCount: number, ...keysThenWindows: string[]) => Promise<number[]>;

/** The counters in Redis (REDIS_URL), for deployments that already run one. */
export class RedisRateLimitStore extends RateLimitStore implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(url: string) {
    super();
    // A request fails fast while Redis is away rather than queueing behind reconnects.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
    this.redis.defineCommand('rateLimitHit', { lua: HIT });
  }

  async hit(buckets: RateLimitBucket[]): Promise<RateLimitCount[]> {
    const command = (this.redis as unknown as { rateLimitHit: HitCommand }).rateLimitHit.bind(this.redis);
    const flat = await command(buckets.length, ...buckets.map((b) => PREFIX + b.key), ...buckets.map((b) => String(b.windowSeconds * 1000))).catch(() => {
      throw new RateLimitStoreUnavailableError();
    });
    return buckets.map((_, i) => ({ hits: flat[2 * i], resetSeconds: Math.max(1, Math.ceil(flat[2 * i + 1] / 1000)) }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
