import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createUser, PASSWORD, type TestUser } from './support/identity';
import { signUpTeen, type SignedUpTeen, someAddress } from './support/people-factories';

/** The browser's sign-in: an HttpOnly cookie the global guard accepts, ended on the server, and its CSRF defence. */
describe('Browser sessions (cookie sign-in)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let admin: TestUser;
  const saved = process.env.CORS_ORIGINS;

  beforeAll(async () => {
    process.env.CORS_ORIGINS = 'https://club.example.org';
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    admin = await createUser(app, 'admin');
  });

  afterAll(async () => {
    await app.close();
    if (saved === undefined) delete process.env.CORS_ORIGINS;
    else process.env.CORS_ORIGINS = saved;
  });

  const signIn = (email: string, password = PASSWORD) => request(http).post('/v1/auth/session').send({ email, password });
  /** The `name=value` part of the session cookie a sign-in set. */
  const cookieOf = (res: request.Response) => String(res.headers['set-cookie']?.[0] ?? '').split(';')[0];
  const pendingTeen = async (): Promise<SignedUpTeen & { cookie: string }> => {
    const teen = await signUpTeen(app);
    return { ...teen, cookie: cookieOf(await signIn(teen.email).expect(200)) };
  };
  const consentMailsOf = async (participantId: string) =>
    Number((await db.query(`SELECT count(*) FROM outbox_message WHERE topic = 'guardian.consent_requested' AND payload->>'participantId' = $1`, [participantId]))[0].count);

  it('sets an HttpOnly, SameSite=Lax cookie on /, not Secure in test, and answers the user as GET /v1/me does', async () => {
    const res = await signIn(admin.email).expect(200);
    const setCookie = String(res.headers['set-cookie'][0]);
    expect(setCookie).toMatch(/^codeshelf_session=[\w-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const me = await request(http).get('/v1/me').set('Cookie', cookieOf(res)).expect(200);
    expect(res.body).toEqual({ user: me.body });
    expect(me.body).toMatchObject({ kind: 'user', id: admin.id, role: 'admin' });
    expect(JSON.stringify(res.body)).not.toContain(cookieOf(res).split('=')[1]);
  });

  it('keeps only the hash of the session id, with its user and expiry', async () => {
    const cookie = cookieOf(await signIn(admin.email).expect(200));
    const rows: { token_hash: string; ttl: number; revoked_at: Date | null }[] = await db.query(
      `SELECT token_hash, extract(epoch FROM expires_at - created_at)::float AS ttl, revoked_at FROM browser_session WHERE user_id = $1 ORDER BY created_at DESC`,
      [admin.id],
    );
    expect(rows.some((r) => r.token_hash === cookie.split('=')[1])).toBe(false);
    expect(rows[0]).toMatchObject({ revoked_at: null, token_hash: createHash('sha256').update(cookie.split('=')[1]).digest('hex') });
    expect(Math.abs(rows[0].ttl - 7 * 86_400)).toBeLessThan(5);
  });

  it('answers a wrong password 401 like POST /v1/auth/login, with no cookie', async () => {
    const res = await signIn(admin.email, 'not the password at all').expect(401);
    expect(res.body.type).toContain('invalid-credentials');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a sign-in posted from another site (login CSRF) before looking at the password, and takes one from ours', async () => {
    const res = await signIn(admin.email).set('Origin', 'https://evil.example').type('application/x-www-form-urlencoded').expect(403);
    expect(res.body.type).toContain('csrf-refused');
    expect(res.headers['set-cookie']).toBeUndefined();
    await signIn(admin.email).set('Origin', 'https://club.example.org').expect(200);
    await signIn(admin.email).set('Host', 'app.example').set('Origin', 'http://app.example').expect(200);
  });

  it('counts its attempts with POST /v1/auth/login’s: the two doors do not double the guesses', async () => {
    const address = someAddress();
    for (let i = 0; i < 10; i++) await request(http).post('/v1/auth/login').set('X-Forwarded-For', address).send({ email: admin.email, password: `wrong guess ${i}` }).expect(401);
    const res = await request(http).post('/v1/auth/session').set('X-Forwarded-For', address).send({ email: admin.email, password: PASSWORD }).expect(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('ends the session on the server at sign-out: the same cookie is a 401 afterwards', async () => {
    const cookie = cookieOf(await signIn(admin.email).expect(200));
    const out = await request(http).delete('/v1/auth/session').set('Cookie', cookie).set('Origin', 'https://club.example.org').expect(204);
    expect(String(out.headers['set-cookie'][0])).toMatch(/^codeshelf_session=; Max-Age=0;.*HttpOnly/);
    const after = await request(http).get('/v1/me').set('Cookie', cookie).expect(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    // A public page still serves the browser that kept the dead cookie.
    await request(http).get('/v1/programs').set('Cookie', cookie).expect(200);
  });

  it('signs out everywhere: a second browser’s cookie stops working, another account’s does not, and a cross-site call is refused', async () => {
    const teen = await pendingTeen();
    const phone = cookieOf(await signIn(teen.email).expect(200));
    const other = await pendingTeen();
    await request(http).delete('/v1/auth/sessions').set('Cookie', teen.cookie).set('Origin', 'https://evil.example').expect(403);
    await request(http).get('/v1/me').set('Cookie', phone).expect(200);

    const out = await request(http).delete('/v1/auth/sessions').set('Cookie', teen.cookie).set('Origin', 'https://club.example.org').expect(204);
    expect(String(out.headers['set-cookie'][0])).toMatch(/^codeshelf_session=; Max-Age=0;/);
    for (const cookie of [teen.cookie, phone]) await request(http).get('/v1/me').set('Cookie', cookie).expect(401);
    await request(http).get('/v1/me').set('Cookie', other.cookie).expect(200);
    // A Bearer token is no browser session: it stays valid until it expires.
    await request(http).get('/v1/me').set(bearer(teen)).expect(200);
    await request(http).delete('/v1/auth/sessions').expect(401);
  });

    it('refuses an expired session', async () => {
    const cookie = cookieOf(await signIn(admin.email).expect(200));
    await db.query(`UPDATE browser_session SET created_at = now() - interval '8 days', expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`, [admin.id]);
    await request(http).get('/v1/me').set('Cookie', cookie).expect(401);
    // The next sign-in clears the user's expired sessions away.
    await signIn(admin.email).expect(200);
    expect(await db.query(`SELECT id FROM browser_session WHERE user_id = $1 AND expires_at <= now()`, [admin.id])).toEqual([]);
  });

  it('refuses a cross-site form post with the cookie (403 csrf-refused) and writes nothing', async () => {
    const teen = await pendingTeen();
    const before = await consentMailsOf(teen.participantId);
    const res = await request(http)
      .post('/v1/me/consent-request')
      .set('Cookie', teen.cookie)
      .set('Origin', 'https://evil.example')
      .type('application/x-www-form-urlencoded')
      .send('x=1')
      .expect(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toContain('csrf-refused');
    expect(await consentMailsOf(teen.participantId)).toBe(before);
  });

  it('refuses an unsafe request with the cookie and no Origin, and a cross-site sign-out', async () => {
    const teen = await pendingTeen();
    const noOrigin = await request(http).post('/v1/me/consent-request').set('Cookie', teen.cookie).expect(403);
    expect(noOrigin.body.type).toContain('csrf-refused');
    await request(http).delete('/v1/auth/session').set('Cookie', teen.cookie).set('Origin', 'https://evil.example').expect(403);
    await request(http).get('/v1/me').set('Cookie', teen.cookie).expect(200);
  });

  it('lets a same-origin POST through, and one from a CORS_ORIGINS page', async () => {
    const teen = await pendingTeen();
    await request(http).post('/v1/me/consent-request').set('Cookie', teen.cookie).set('Host', 'app.example:8080').set('Origin', 'http://app.example:8080').expect(202);
    await request(http).post('/v1/me/consent-request').set('Cookie', teen.cookie).set('Origin', 'https://club.example.org').expect(202);
    expect(await consentMailsOf(teen.participantId)).toBe(3);
  });

  it('takes our origin from X-Forwarded-Proto and -Host behind a trusted proxy (the tests run with TRUST_PROXY=true)', async () => {
    const teen = await pendingTeen();
    const behindProxy = (origin: string) =>
      request(http)
        .post('/v1/me/consent-request')
        .set('Cookie', teen.cookie)
        .set('Host', 'api.internal:3000')
        .set('X-Forwarded-Proto', 'https')
        .set('X-Forwarded-Host', 'club.library.example')
        .set('Origin', origin);
    await behindProxy('http://api.internal:3000').expect(403);
    await behindProxy('https://club.library.example').expect(202);
  });

  it('leaves Bearer and X-API-Key callers to the Origin they like (no cookie, no CSRF)', async () => {
    const teen = await pendingTeen();
    await request(http).post('/v1/me/consent-request').set(bearer(teen)).set('Origin', 'https://evil.example').expect(202);
    // A Bearer token beside the cookie is who calls: the cookie is not consulted.
    await request(http).post('/v1/me/consent-request').set(bearer(teen)).set('Cookie', teen.cookie).set('Origin', 'https://evil.example').expect(202);
    const [{ id: sponsorId }] = await db.query(`INSERT INTO sponsor (name) VALUES ('Cookie Co') RETURNING id`);
    const { body } = await request(http).post(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).send({ name: 'reports' }).expect(201);
    const me = await request(http).get('/v1/me').set('X-API-Key', body.key).set('Cookie', teen.cookie).set('Origin', 'https://evil.example').expect(200);
    expect(me.body.kind).toBe('api-key');
  });
});
