/** One counter a request adds a hit to: at most `limit` hits per window of `windowSeconds`. */
export interface RateLimitBucket {
  key: string;
  limit: number;
  windowSeconds: number;
}

/** A counter after the hit: the hits in its current window, and the seconds until that window ends. */
export interface RateLimitCount {
  hits: number;
  resetSeconds: number;
}

/**
 * Where the counters live. `hit` counts every bucket of one request in one round trip, atomically per bucket,
 * and answers the counts in the buckets' order.
 */
export abstract class RateLimitStore {
  abstract hit(buckets: RateLimitBucket[]): Promise<RateLimitCount[]>;
}
