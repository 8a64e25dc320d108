import { type RateLimitBucket, type RateLimitCount, RateLimitStore } from './rate-limit.store';

// Past this many counters, the ended ones are dropped.
const SWEEP_ABOVE = 10_000;

/** Counters in this process's memory: only for the health probes, which must answer while the database does not. */
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly counters = new Map<string, { hits: number; endsAt: number }>();

  hit(buckets: RateLimitBucket[]): Promise<RateLimitCount[]> {
    const now = Date.now();
    if (this.counters.size > SWEEP_ABOVE) for (const [key, counter] of this.counters) if (counter.endsAt <= now) this.counters.delete(key);
    return Promise.resolve(
      buckets.map(({ key, windowSeconds }) => {
        let counter = this.counters.get(key);
        if (!counter || counter.endsAt <= now) this.counters.set(key, (counter = { hits: 0, endsAt: now + windowSeconds * 1000 }));
        counter.hits++;
        return { hits: counter.hits, resetSeconds: Math.max(1, Math.ceil((counter.endsAt - now) / 1000)) };
      }),
    );
  }
}
