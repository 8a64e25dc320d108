import type { EntityManager } from 'typeorm';

/** A counter after a hit: its hits in the current window and the seconds until the window ends. */
export interface CounterHit {
  key: string;
  hits: number;
  reset_seconds: number;
}

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

/** Counts one hit on each counter `keys[i]`, whose window lasts `windowSeconds[i]`. */
export function hitCounters(db: EntityManager, keys: string[], windowSeconds: number[]): Promise<CounterHit[]> {
  return db.query(HIT, [keys, windowSeconds]);
}

/** Drops the counters whose window ended (by the index on expires_at). */
export async function dropEndedCounters(db: EntityManager): Promise<void> {
  await db.query(`DELETE FROM rate_limit_counter WHERE expires_at < now()`);
}
