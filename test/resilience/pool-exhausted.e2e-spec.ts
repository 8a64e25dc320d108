import { Client } from 'pg';
import { exited, type RunningApi, startApi, until } from '../support/processes';

const POOL = 2;
const CONNECTION_TIMEOUT_MS = 500;
const LOCK_TIMEOUT_MS = 3_000;

interface Timed {
  status: number;
  ms: number;
  contentType: string | null;
  retryAfter: string | null;
  body: { code?: string };
}

/**
 * Every pooled connection held by a slow query: a new request fails fast with 503 problem+json and
 * Retry-After (it waits DB_CONNECTION_TIMEOUT_MS for a connection, not until the client gives up).
 */
describe('Database pool exhausted by slow queries (real process)', () => {
  let api: RunningApi;
  let locker: Client;

  beforeAll(async () => {
    api = await startApi({
      DATABASE_URL: process.env.DATABASE_URL!,
      DB_MIGRATE_ON_START: 'false',
      DB_POOL_SIZE: String(POOL),
      DB_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
      DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
    });
    locker = new Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
  }, 120_000);

  afterAll(async () => {
    await locker?.end();
    api?.child.kill('SIGKILL');
    if (api) await exited(api.child);
  });

  const timed = async (path: string): Promise<Timed> => {
    const started = Date.now();
    const res = await fetch(`${api.url}${path}`, { signal: AbortSignal.timeout(20_000) });
    return { status: res.status, ms: Date.now() - started, contentType: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), body: await res.json() };
  };

  it('answers 503 problem+json with Retry-After within the connection timeout while slow queries hold the pool, then recovers', async () => {
    // The catalogue reads the program table; an ACCESS EXCLUSIVE lock makes each of its queries wait.
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE program IN ACCESS EXCLUSIVE MODE');
    const slow = Array.from({ length: POOL }, () => timed('/v1/programs'));
    // Both pooled connections are taken once both slow queries wait on the lock (a transaction keeps one
    // snapshot of pg_stat_activity unless told to drop it).
    const waiting = async () => {
      await locker.query('SELECT pg_stat_clear_snapshot()');
      return (await locker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n === POOL;
    };
    await until(waiting, 'both slow queries waiting on the lock', api.output, 10_000);

    const rushed = await Promise.all(Array.from({ length: 10 }, () => timed('/v1/programs')));
    const ready = await timed('/health/ready');
    for (const answer of [...rushed, ready]) {
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(CONNECTION_TIMEOUT_MS + 2_000);
    }
    for (const answer of rushed) {
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.body.code).toBe('database-unavailable');
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }

    // The slow queries themselves give up at the lock timeout, with the same answer.
    for (const answer of await Promise.all(slow)) {
      expect(answer).toMatchObject({ status: 503, body: { code: 'database-unavailable' } });
      expect(answer.ms).toBeLessThan(LOCK_TIMEOUT_MS + 2_000);
    }
    await locker.query('COMMIT');

    // The document says so: a 503 problem with Retry-After on the route (and every route but the liveness probe).
    const documented = (await (await fetch(`${api.url}/docs-json`)).json()).paths['/v1/programs'].get.responses['503'];
    expect(Object.keys(documented.content)).toEqual(['application/problem+json']);
    expect(Object.keys(documented.headers)).toEqual(['Retry-After']);

    const after = await Promise.all(Array.from({ length: 5 }, () => timed('/v1/programs')));
    expect(after.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await timed('/health/ready')).status).toBe(200);
  }, 60_000);
});
