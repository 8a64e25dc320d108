import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { expectEnrollmentsWhole } from '../support/enrollment-consistency';
import { insertTeensInto, type Teen } from '../support/enrollment-factories';
import { type PrivatePostgres, startApiOnPrivatePostgres } from '../support/private-postgres';
import { exited, type RunningApi, until } from '../support/processes';

const SECRET = 'restart-test-secret-0123456789abcdefghij';
const CONNECTION_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 2_000;
// The longest any answer may take: the longer of the two timeouts, plus room for a loaded 2-core machine.
const LONGEST_MS = STATEMENT_TIMEOUT_MS + 1_500;
const ADMIN = { email: 'restart-admin@test.codeshelf.invalid', password: 'restart-admin-password' };

interface Sample {
  kind: 'read' | 'enroll' | 'ready';
  startedAt: number;
  ms: number;
  status: number | 'no answer';
  body?: { id?: string; code?: string };
  contentType?: string | null;
}

/**
 * PostgreSQL stopped (immediate shutdown, as in a crash) and started again under load: /health/ready answers
 * 503 while it is down, every request is answered within the configured timeouts, the API recovers without a
 * restart, and no enrollment was half-written. The server is the test's own, never the shared one.
 */
describe('PostgreSQL stopped and started under load (real process, private server)', () => {
  let pg: PrivatePostgres;
  let api: RunningApi;
  let db: Client;

  beforeAll(async () => {
    ({ pg, api } = await startApiOnPrivatePostgres({
      JWT_SECRET: SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DB_POOL_SIZE: '5',
      DB_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DB_LOCK_TIMEOUT_MS: '1000',
    }));
    db = new Client({ connectionString: pg.url('codeshelf') });
    await db.connect();
  }, 150_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    api?.child.kill('SIGKILL');
    if (api) await exited(api.child);
    await pg?.destroy();
  });

  const call = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (init.body) headers.set('Content-Type', 'application/json');
    const res = await fetch(`${api.url}${path}`, { ...init, headers, signal: AbortSignal.timeout(15_000) });
    return { status: res.status, body: await res.json(), contentType: res.headers.get('content-type') };
  };

  /** A branch with a published 10-seat program with a waitlist, made over HTTP by the admin. */
  async function program(): Promise<string> {
    const token = (await call('/v1/auth/login', { method: 'POST', body: JSON.stringify(ADMIN) })).body.accessToken;
    const auth = { Authorization: `Bearer ${token}` };
    const [{ id: branchId }] = (await db.query(`INSERT INTO branch (name, timezone) VALUES ('Restart Branch', 'America/Chicago') RETURNING id`)).rows;
    const year = new Date().getUTCFullYear() + 1;
    const created = await call('/v1/programs', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ branchId, title: 'Restart Club', level: 'beginner', minAge: 13, maxAge: 17, capacity: 10, startsOn: `${year}-02-01`, endsOn: `${year}-05-31` }),
    });
    expect(created.status).toBe(201);
    expect((await call(`/v1/programs/${created.body.id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
    return created.body.id;
  }

  /** Clients that each read the catalogue and enroll the next teen, in turn, until `stop()`; every answer timed. */
  function load(programId: string, teens: Teen[], clients: number) {
    const samples: Sample[] = [];
    let running = true;
    let next = 0;
    const sample = async (kind: Sample['kind'], path: string, init?: RequestInit) => {
      const startedAt = Date.now();
      try {
        const { status, body, contentType } = await call(path, init);
        samples.push({ kind, startedAt, ms: Date.now() - startedAt, status, body, contentType });
      } catch {
        samples.push({ kind, startedAt, ms: Date.now() - startedAt, status: 'no answer' });
      }
    };
    const done = Promise.all(
      Array.from({ length: clients }, async () => {
        while (running && next < teens.length) {
          await sample('read', '/v1/programs');
          const teen = teens[next++];
          await sample('enroll', `/v1/programs/${programId}/enrollments`, { method: 'POST', headers: { Authorization: `Bearer ${teen.token}` }, body: '{}' });
          await new Promise((r) => setTimeout(r, 50));
        }
      }),
    );
    return { samples, stop: () => ((running = false), done) };
  }

  it('answers 503 within the timeouts while the database is down, recovers by itself, and leaves nothing half-written', async () => {
    const programId = await program();
    const jwt = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3600 } });
    const rows = (sql: string, params: unknown[]) => db.query(sql, params).then((r) => r.rows);
    const teens = await insertTeensInto({ query: rows }, (payload) => jwt.signAsync(payload), 2_000);
    await db.end();

    const traffic = load(programId, teens, 6);
    await new Promise((r) => setTimeout(r, 1_500));
    const downAt = Date.now();
    await pg.stop();

    // While it is down: readiness says so, quickly, and so does every request.
    const readyWhileDown: Sample[] = [];
    while (Date.now() - downAt < 4_000) {
      const startedAt = Date.now();
      const { status } = await call('/health/ready');
      readyWhileDown.push({ kind: 'ready', startedAt, ms: Date.now() - startedAt, status });
      await new Promise((r) => setTimeout(r, 250));
    }
    const restartAt = Date.now();
    await pg.start();
    await until(async () => (await call('/health/ready')).status === 200, 'the API ready again', api.output, 30_000, api.child);
    const readyAt = Date.now();
    await new Promise((r) => setTimeout(r, 2_000));
    await traffic.stop();
    const { samples } = traffic;

    expect(readyWhileDown.length).toBeGreaterThan(3);
    for (const ready of readyWhileDown) expect(ready).toMatchObject({ status: 503 });
    expect(Math.max(...readyWhileDown.map((r) => r.ms))).toBeLessThan(LONGEST_MS);

    // Every request was answered, within the timeouts, with a success or a 503 problem: never a 500, never a hang.
    expect(samples.filter((s) => s.status === 'no answer' || s.ms >= LONGEST_MS)).toEqual([]);
    expect([...new Set(samples.map((s) => s.status))].filter((s) => ![200, 201, 503].includes(s as number))).toEqual([]);
    for (const s of samples.filter((s) => s.status === 503)) expect([s.contentType?.split(';')[0], s.body?.code]).toEqual(['application/problem+json', 'database-unavailable']);
    const whileDown = samples.filter((s) => s.startedAt > downAt + 100 && s.startedAt + s.ms < restartAt);
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((s) => s.status !== 503)).toEqual([]);
    // Recovered without a restart: the same process serves every request sent once it is ready again.
    const afterwards = samples.filter((s) => s.startedAt > readyAt);
    expect(afterwards.length).toBeGreaterThan(0);
    expect(afterwards.map((s) => s.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(api.child.exitCode).toBeNull();

    // Nothing half-written: an enrollment answered 201 is there, whole; one cut off by the stop is whole or absent.
    db = new Client({ connectionString: pg.url('codeshelf') });
    await db.connect();
    const state = await expectEnrollmentsWhole(rows, programId);
    const created = samples.filter((s) => s.kind === 'enroll' && s.status === 201);
    expect(created.length).toBeGreaterThan(0);
    for (const s of created) expect(state.ids.has(s.body!.id!)).toBe(true);
  }, 90_000);
});
