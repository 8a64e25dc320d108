import { type PrivatePostgres, startApiOnPrivatePostgres } from '../support/private-postgres';
import { exited, type RunningApi, until } from '../support/processes';

const CONNECTION_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 1_000;
// pg's own clock gives up this much later than the server would have (data-source.options.ts).
const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 5_000;
const POOL = 3;

interface Timed {
  status: number | 'no answer';
  ms: number;
  contentType?: string | null;
  code?: string;
}

/**
 * PostgreSQL frozen (SIGSTOP on the server and every backend): it keeps its connections open and answers
 * nothing, so its statement_timeout never fires. A request whose query is already sent fails with 503 after
 * the client-side query timeout, one waiting for a connection after the connection timeout; none hangs, and
 * the API serves again once the server answers. The server is the test's own, never the shared one.
 */
describe('PostgreSQL frozen under requests (real process, private server)', () => {
  let pg: PrivatePostgres;
  let api: RunningApi;

  beforeAll(async () => {
    ({ pg, api } = await startApiOnPrivatePostgres({
      JWT_SECRET: 'frozen-test-secret-0123456789abcdefghijkl',
      DB_POOL_SIZE: String(POOL),
      DB_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    }));
  }, 150_000);

  afterAll(async () => {
    pg?.thaw();
    api?.child.kill('SIGKILL');
    if (api) await exited(api.child);
    await pg?.destroy();
  });

  const timed = async (path: string): Promise<Timed> => {
    const started = Date.now();
    try {
      const res = await fetch(`${api.url}${path}`, { signal: AbortSignal.timeout(QUERY_TIMEOUT_MS + 10_000) });
      const body = (await res.json()) as { code?: string };
      return { status: res.status, ms: Date.now() - started, contentType: res.headers.get('content-type'), code: body.code };
    } catch {
      return { status: 'no answer', ms: Date.now() - started };
    }
  };

  it('answers 503 problem+json within the timeouts while the server answers nothing, then serves again', async () => {
    // Every pooled connection open and idle, so the next requests send their queries to the frozen server.
    expect((await Promise.all(Array.from({ length: POOL * 2 }, () => timed('/v1/programs')))).map((a) => a.status)).toEqual(Array(POOL * 2).fill(200));

    pg.freeze();
    let frozen: Timed[];
    try {
      frozen = await Promise.all([...Array.from({ length: POOL * 2 }, () => timed('/v1/programs')), timed('/health/ready')]);
    } finally {
      pg.thaw();
    }
    for (const answer of frozen) {
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(QUERY_TIMEOUT_MS + 3_000);
    }
    for (const answer of frozen.slice(0, POOL * 2)) expect([answer.contentType?.split(';')[0], answer.code]).toEqual(['application/problem+json', 'database-unavailable']);
    // Some had their query sent and waited for pg's query timeout; the rest gave up waiting for a connection.
    const slowest = Math.max(...frozen.map((a) => a.ms));
    expect(slowest).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS - 500);

    await until(
      async () => (await Promise.all(Array.from({ length: POOL * 2 }, () => timed('/v1/programs')))).every((a) => a.status === 200),
      'the API serving again after the server thawed',
      api.output,
      30_000,
      api.child,
    );
    expect((await timed('/health/ready')).status).toBe(200);
  }, 120_000);

  it('drops a connection whose query timed out: the next request gets a fresh one instead of queueing behind the stale query', async () => {
    const programs = () => Promise.all(Array.from({ length: POOL }, () => timed('/v1/programs')));
    expect((await Promise.all(Array.from({ length: POOL * 2 }, () => timed('/v1/programs')))).map((a) => a.status)).toEqual(Array(POOL * 2).fill(200));

    // Only the API's open connections stop answering (cut off by the network); the server takes new ones.
    expect(await pg.freezeConnectionsOf('codeshelf')).toHaveLength(POOL);
    try {
      expect((await programs()).map((a) => a.status)).toEqual(Array(POOL).fill(503));
      // A connection still waiting for the answer to a query that timed out answers nothing more.
      expect((await programs()).map((a) => a.status)).toEqual(Array(POOL).fill(200));
    } finally {
      pg.thaw();
    }
  }, 120_000);
});
