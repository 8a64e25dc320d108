import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startTestApp } from './support/app';
import { createUser, PASSWORD } from './support/identity';
import { exited, type RunningApi, startApi } from './support/processes';

/**
 * Outside production, processes started on one database without JWT_SECRET sign with one secret that the
 * database keeps: a token from any of them is good at all of them (behind a load balancer, say).
 */
describe('The JWT signing secret without JWT_SECRET (two real processes, one database)', () => {
  let fixtures: NestFastifyApplication;
  const apis: RunningApi[] = [];
  const previousSecret = process.env.JWT_SECRET;

  beforeAll(async () => {
    delete process.env.JWT_SECRET;
    fixtures = await startTestApp();
    // Started together, so both look for the secret at once.
    const started = await Promise.allSettled([0, 1].map(() => startApi({ DATABASE_URL: process.env.DATABASE_URL!, DB_MIGRATE_ON_START: 'false' })));
    for (const result of started) if (result.status === 'fulfilled') apis.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 120_000);

  afterAll(async () => {
    for (const api of apis) api.child.kill('SIGKILL');
    await Promise.all(apis.map((api) => exited(api.child)));
    await fixtures?.close();
    if (previousSecret !== undefined) process.env.JWT_SECRET = previousSecret;
  });

  const loginAt = async (url: string, email: string): Promise<string> => {
    const res = await fetch(`${url}/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const meAt = async (url: string, token: string) => {
    const res = await fetch(`${url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { id?: string } };
  };

  it('accepts at one API process a token that another signed, either way, and at the in-process app too', async () => {
    const { id, email } = await createUser(fixtures, 'coordinator');
    const [a, b] = apis.map((api) => api.url);

    const fromA = await loginAt(a, email);
    const fromB = await loginAt(b, email);

    expect(await meAt(b, fromA)).toMatchObject({ status: 200, body: { id } });
    expect(await meAt(a, fromB)).toMatchObject({ status: 200, body: { id } });
    await request(fixtures.getHttpServer()).get('/v1/me').set('Authorization', `Bearer ${fromA}`).expect(200);
  });
});
