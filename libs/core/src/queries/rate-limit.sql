-- The SQL of rate-limit.ts, written by `npm run lint:tables -- --write`: do not edit.

-- HIT
INSERT INTO rate_limit_counter AS c (key, hits, expires_at)
SELECT b.key, 1, now() + make_interval(secs => b.seconds) FROM unnest($1::text[], $2::int[]) AS b(key, seconds) ORDER BY b.key
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END,
  expires_at = CASE WHEN c.expires_at <= now() THEN excluded.expires_at ELSE c.expires_at END
RETURNING c.key, c.hits, ceil(extract(epoch FROM c.expires_at - now()))::int AS reset_seconds

-- dropEndedCounters
DELETE FROM rate_limit_counter WHERE expires_at < now()
