import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppEnv } from '../config/config.module';
import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { type RateLimitBucket, type RateLimitCount, RateLimitStore } from './rate-limit.store';
import { RateLimitedError, RateLimiter } from './rate-limiter';
import { RateLimits } from './rate-limits.decorator';

const env = { RATE_LIMIT_PER_USER_PER_MINUTE: 600, RATE_LIMIT_PER_API_KEY_PER_MINUTE: 1_200, RATE_LIMIT_ANONYMOUS_PER_ADDRESS_PER_MINUTE: 1_200 } as AppEnv;

class Routes {
  plain() {}
  @RateLimits({ name: 'hourly', limit: () => 3, windowSeconds: 3_600 })
  hourly() {}
}

/** A store that answers the counts it is given, in the buckets' order. */
class FixedStore extends RateLimitStore {
  seen: RateLimitBucket[] = [];
  constructor(private readonly counts: RateLimitCount[]) {
    super();
  }
  hit(buckets: RateLimitBucket[]): Promise<RateLimitCount[]> {
    this.seen = buckets;
    return Promise.resolve(this.counts);
  }
}

function call(handler: keyof Routes) {
  const headers: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => ((headers[name] = value), reply) };
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ ip: '192.0.2.1' }), getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { context, headers };
}

describe(RateLimiter.name, () => {
  it('answers the limit with the fewest requests left, the caller’s or the route’s', async () => {
    const store = new FixedStore([
      { hits: 10, resetSeconds: 50 },
      { hits: 2, resetSeconds: 3_000 },
    ]);
    const { context, headers } = call('hourly');
    await new RateLimiter(env, new Reflector(), store).enforce(context, { kind: 'user', id: 'u1' });
    expect(store.seen.map((b) => [b.limit, b.windowSeconds])).toEqual([
      [600, 60],
      [3, 3_600],
    ]);
    expect(headers).toEqual({ 'RateLimit-Limit': '3', 'RateLimit-Remaining': '1', 'RateLimit-Reset': '3000' });
  });

  it('refuses past any limit, with Retry-After until the longest exceeded window ends', async () => {
    const store = new FixedStore([
      { hits: 601, resetSeconds: 20 },
      { hits: 4, resetSeconds: 3_000 },
    ]);
    const { context, headers } = call('hourly');
    const refused = new RateLimiter(env, new Reflector(), store).enforce(context, { kind: 'user', id: 'u1' });
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ status: 429, extensions: { retryAfterSeconds: 3_000 } });
    expect(headers['RateLimit-Remaining']).toBe('0');
  });

  it('counts a user, an API key and an anonymous address each under its own key and limit', async () => {
    const store = new FixedStore([{ hits: 1, resetSeconds: 60 }]);
    const limiter = new RateLimiter(env, new Reflector(), store);
    const keys: string[] = [];
    for (const caller of [{ kind: 'user', id: 'x' }, { kind: 'api-key', id: 'x' }, undefined] as const) {
      const { context, headers } = call('plain');
      await limiter.enforce(context, caller);
      keys.push(store.seen[0].key);
      expect(headers['RateLimit-Limit']).toBe(String(caller?.kind === 'user' ? 600 : 1_200));
    }
    expect(new Set(keys).size).toBe(3);
    // Digests: the counters never hold an address or an id.
    expect(keys.join()).not.toContain('192.0.2.1');
  });
});

describe(MemoryRateLimitStore.name, () => {
  afterEach(() => jest.useRealTimers());

  it('counts each key in its window and starts over when the window ends', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') });
    const store = new MemoryRateLimitStore();
    const bucket = { key: 'a', limit: 2, windowSeconds: 60 };
    expect(await store.hit([bucket, { ...bucket, key: 'b' }])).toEqual([
      { hits: 1, resetSeconds: 60 },
      { hits: 1, resetSeconds: 60 },
    ]);
    jest.advanceTimersByTime(30_000);
    expect(await store.hit([bucket])).toEqual([{ hits: 2, resetSeconds: 30 }]);
    jest.advanceTimersByTime(30_000);
    expect(await store.hit([bucket])).toEqual([{ hits: 1, resetSeconds: 60 }]);
  });
});
