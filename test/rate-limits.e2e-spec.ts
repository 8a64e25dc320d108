import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createSponsor, createUser, PASSWORD, uniqueEmail } from './support/identity';
import { birthDateForAge, someAddress } from './support/people-factories';
import { exited, type RunningApi, startApi } from './support/processes';

const SECRET = 'rate-limit-test-secret-0123456789abcdef';
const REDIS_URL = 'redis://127.0.0.1:6379';

/** Runs `body` on an app built with these settings, then puts the environment back. */
async function withApp(env: Record<string, string>, body: (app: NestFastifyApplication) => Promise<void>): Promise<void> {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  const app = await startTestApp().finally(() => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  try {
    await body(app);
  } finally {
    await app.close();
  }
}

const limitHeaders = (res: { headers: Record<string, unknown> }) => ({
  limit: Number(res.headers['ratelimit-limit']),
  remaining: Number(res.headers['ratelimit-remaining']),
  reset: Number(res.headers['ratelimit-reset']),
});

describe('Login limit shared by every API process (two real processes, one database)', () => {
  const apis: RunningApi[] = [];

  afterAll(async () => {
    for (const api of apis) api.child.kill('SIGKILL');
    await Promise.all(apis.map((api) => exited(api.child)));
  });

  const wrongLogin = (url: string, email: string) =>
    fetch(`${url}/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: 'wrong password' }) });

  /** Ten wrong passwords for one e-mail, spread over both processes; the 11th, to either, is refused. */
  async function expectEleventhRefused([first, second]: RunningApi[]): Promise<void> {
    for (const [target, other] of [
      [first, second],
      [second, first],
    ]) {
      const email = uniqueEmail('shared-limit');
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await wrongLogin((i % 2 ? other : target).url, email)).status);
      expect(statuses).toEqual(Array(10).fill(401));
      const eleventh = await wrongLogin(target.url, email);
      expect(eleventh.status).toBe(429);
      expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  }

  it('refuses the 11th wrong login in a minute for one e-mail whichever process it reaches (counts in PostgreSQL)', async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL!, JWT_SECRET: SECRET, DB_MIGRATE_ON_START: 'false', REDIS_URL: '' };
    const started = await Promise.allSettled([startApi(env), startApi(env)]);
    for (const result of started) if (result.status === 'fulfilled') apis.push(result.value);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    await expectEleventhRefused(apis.slice(0, 2));
  }, 180_000);

  it('refuses the 11th wrong login in a minute for one e-mail whichever process it reaches (counts in Redis with REDIS_URL)', async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL!, JWT_SECRET: SECRET, DB_MIGRATE_ON_START: 'false', REDIS_URL };
    const started = await Promise.allSettled([startApi(env), startApi(env)]);
    for (const result of started) if (result.status === 'fulfilled') apis.push(result.value);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    await expectEleventhRefused(apis.slice(2, 4));
  }, 180_000);
});

describe('Sign-ups from a library computer lab (one public address)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  const signup = (address: string, body: Record<string, unknown>) => request(http).post('/v1/auth/signup').set('X-Forwarded-For', address).send(body);
  const teen = (i: number) => ({
    email: uniqueEmail(`lab${i}`),
    password: PASSWORD,
    firstName: 'Lab',
    lastName: `Teen ${i}`,
    birthDate: birthDateForAge(15),
    guardianName: 'A Guardian',
    guardianEmail: uniqueEmail(`lab-guardian${i}`),
  });

  it('signs up a class of 40 teens from one library address in one minute', async () => {
    const lab = someAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await signup(lab, teen(i))).status);
    expect(statuses).toEqual(Array(40).fill(201));
  }, 60_000);

  it('still stops a script signing up from one address: the 61st attempt in a minute is a 429', async () => {
    const address = someAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await signup(address, {})).status);
    expect(statuses).toEqual(Array(60).fill(400));
    const limited = await signup(address, {}).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await signup(someAddress(), {}).expect(400);
  });

  it('stops a script that keeps going minute after minute at 120 sign-ups an hour from one address', async () => {
    const address = someAddress();
    const db = app.get(DataSource);
    // The next minute: every per-minute window of this worker's database ends now (the hourly ones do not).
    const nextMinute = () => db.query(`UPDATE rate_limit_counter SET expires_at = now() - interval '1 second' WHERE expires_at < now() + interval '2 minutes'`);
    for (let minute = 0; minute < 2; minute++) {
      for (let i = 0; i < 60; i++) await signup(address, {}).expect(400);
      await nextMinute();
    }
    const limited = await signup(address, {}).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60);
    await signup(someAddress(), {}).expect(400);
  });
});

describe('Every route limited per principal', () => {
  it('answers RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset on a user’s requests, counting down', async () => {
    await withApp({ RATE_LIMIT_PER_USER_PER_MINUTE: '600' }, async (app) => {
      const mentor = await createUser(app, 'mentor');
      const first = await request(app.getHttpServer()).get('/v1/me').set(bearer(mentor)).expect(200);
      const second = await request(app.getHttpServer()).get('/v1/me').set(bearer(mentor)).expect(200);
      expect(limitHeaders(first)).toEqual({ limit: 600, remaining: 599, reset: expect.any(Number) });
      expect(limitHeaders(second)).toMatchObject({ limit: 600, remaining: 598 });
      expect(limitHeaders(first).reset).toBeGreaterThan(0);
      expect(limitHeaders(first).reset).toBeLessThanOrEqual(60);
    });
  });

  it('limits each user on their own: the 6th request of a limit of 5 is a 429 with Retry-After, another user is served', async () => {
    await withApp({ RATE_LIMIT_PER_USER_PER_MINUTE: '5' }, async (app) => {
      // Logged in (one request of the address's anonymous budget each), then counted per user.
      const [busy, other] = [await createUser(app, 'coordinator'), await createUser(app, 'coordinator')];
      for (let i = 0; i < 5; i++) await request(app.getHttpServer()).get('/v1/branches').set(bearer(busy)).expect(200);
      const limited = await request(app.getHttpServer()).get('/v1/branches').set(bearer(busy)).expect(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limitHeaders(limited)).toMatchObject({ limit: 5, remaining: 0 });
      await request(app.getHttpServer()).get('/v1/branches').set(bearer(other)).expect(200);
    });
  });

  it('limits each sponsor API key on its own', async () => {
    await withApp({ RATE_LIMIT_PER_API_KEY_PER_MINUTE: '3' }, async (app) => {
      const admin = await createUser(app, 'admin');
      const sponsorId = await createSponsor(app);
      const keyOf = async () => (await request(app.getHttpServer()).post(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).send({ name: 'reports' }).expect(201)).body.key as string;
      const [busy, other] = [await keyOf(), await keyOf()];
      for (let i = 0; i < 3; i++) await request(app.getHttpServer()).get('/v1/me').set('X-API-Key', busy).expect(200);
      await request(app.getHttpServer()).get('/v1/me').set('X-API-Key', busy).expect(429);
      const served = await request(app.getHttpServer()).get('/v1/me').set('X-API-Key', other).expect(200);
      expect(limitHeaders(served)).toMatchObject({ limit: 3, remaining: 2 });
    });
  });

  it('limits anonymous callers per address, and counts a wrong credential against the address', async () => {
    await withApp({ RATE_LIMIT_ANONYMOUS_PER_ADDRESS_PER_MINUTE: '4' }, async (app) => {
      const [address, other] = [someAddress(), someAddress()];
      const programs = (from: string) => request(app.getHttpServer()).get('/v1/programs').set('X-Forwarded-For', from);
      for (let i = 0; i < 3; i++) await programs(address).expect(200);
      const wrong = await request(app.getHttpServer()).get('/v1/me').set('X-Forwarded-For', address).set('Authorization', 'Bearer not-a-token').expect(401);
      expect(limitHeaders(wrong)).toMatchObject({ limit: 4, remaining: 0 });
      await programs(address).expect(429);
      await programs(other).expect(200);
    });
  });

  it('answers the health probes with the limit headers, counted in the process so they never wait on the database', async () => {
    await withApp({}, async (app) => {
      const live = await request(app.getHttpServer()).get('/health/live').expect(200);
      expect(limitHeaders(live).limit).toBeGreaterThan(0);
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(limitHeaders(ready).limit).toBeGreaterThan(0);
    });
  });
});
