import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { type AppEnv, envConfig } from '../config/config.module';
import { ProblemError } from '../errors/problem';
import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { type RateLimitBucket, type RateLimitCount, RateLimitStore } from './rate-limit.store';
import { COUNTED_IN_PROCESS, ROUTE_RATE_LIMITS, type RouteRateLimit } from './rate-limits.decorator';

export class RateLimitedError extends ProblemError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate-limited', 'Too Many Requests', `Too many requests; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}

/** Who a request counts against: a user or an API key by id, anyone else by client address. */
export type RateLimitedCaller = { kind: 'user' | 'api-key'; id: string } | undefined;

// Keys are digests: the table never holds an e-mail or an address.
const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Counts every request against its caller's limit and the route's own, in one round trip to the store,
 * answers the tightest as RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset, and refuses (429 with
 * Retry-After) a request past any of them.
 */
@Injectable()
export class RateLimiter {
  private readonly probes = new MemoryRateLimitStore();

  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly reflector: Reflector,
    private readonly store: RateLimitStore,
  ) {}

  async enforce(context: ExecutionContext, caller: RateLimitedCaller): Promise<void> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const routeLimits = this.reflector.getAllAndOverride<RouteRateLimit[] | undefined>(ROUTE_RATE_LIMITS, targets) ?? [];
    const buckets: RateLimitBucket[] = [
      this.callerBucket(caller, request.ip),
      ...routeLimits.map((route) => ({ key: digest(`${route.name}|${route.tracker ? route.tracker(request) : request.ip}`), limit: route.limit(this.env), windowSeconds: route.windowSeconds })),
    ];
    const inProcess = this.reflector.getAllAndOverride<boolean | undefined>(COUNTED_IN_PROCESS, targets);
    const counts = await (inProcess ? this.probes : this.store).hit(buckets);
    const { bucket, count } = tightest(buckets, counts);
    context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('RateLimit-Limit', String(bucket.limit))
      .header('RateLimit-Remaining', String(Math.max(0, bucket.limit - count.hits)))
      .header('RateLimit-Reset', String(count.resetSeconds));
    if (count.hits > bucket.limit) throw new RateLimitedError(count.resetSeconds);
  }

  private callerBucket(caller: RateLimitedCaller, address: string): RateLimitBucket {
    if (caller?.kind === 'user') return { key: digest(`user|${caller.id}`), limit: this.env.RATE_LIMIT_PER_USER_PER_MINUTE, windowSeconds: 60 };
    if (caller?.kind === 'api-key') return { key: digest(`api-key|${caller.id}`), limit: this.env.RATE_LIMIT_PER_API_KEY_PER_MINUTE, windowSeconds: 60 };
    return { key: digest(`address|${address}`), limit: this.env.RATE_LIMIT_ANONYMOUS_PER_ADDRESS_PER_MINUTE, windowSeconds: 60 };
  }
}

/** The limit that binds: of those exceeded the one that lasts longest, else the one with the fewest requests left. */
function tightest(buckets: RateLimitBucket[], counts: RateLimitCount[]): { bucket: RateLimitBucket; count: RateLimitCount } {
  const pairs = buckets.map((bucket, i) => ({ bucket, count: counts[i] }));
  const exceeded = pairs.filter(({ bucket, count }) => count.hits > bucket.limit);
  if (exceeded.length) return exceeded.reduce((a, b) => (b.count.resetSeconds > a.count.resetSeconds ? b : a));
  return pairs.reduce((a, b) => (b.bucket.limit - b.count.hits < a.bucket.limit - a.count.hits ? b : a));
}
