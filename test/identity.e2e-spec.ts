import { AuditService } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createSponsor, createUser, login, PASSWORD, uniqueEmail } from './support/identity';

describe('Identity (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('login', () => {
    it('answers a Bearer token and the user for the right password, whatever the e-mail case', async () => {
      const admin = await createUser(app, 'admin');
      const res = await request(http).post('/v1/auth/login').send({ email: admin.email.toUpperCase(), password: PASSWORD }).expect(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, user: { id: admin.id, email: admin.email, role: 'admin' } });
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      expect(res.body.user.passwordHash).toBeUndefined();
    });

    it('gives the same 401 for a wrong password and for an unknown e-mail, and audits both', async () => {
      const coordinator = await createUser(app, 'coordinator');
      const nobody = uniqueEmail('nobody');
      const wrong = await request(http).post('/v1/auth/login').send({ email: coordinator.email, password: 'not the password' }).expect(401);
      const unknown = await request(http).post('/v1/auth/login').send({ email: nobody, password: 'not the password' }).expect(401);
      expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
      const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(strip(wrong.body)).toEqual(strip(unknown.body));
      const reasons = await db.query(
        `SELECT changes->>'reason' AS reason FROM audit_event WHERE action = 'auth.login_failed' AND changes->>'email' IN ($1, $2) ORDER BY at`,
        [coordinator.email, nobody],
      );
      expect(reasons.map((r: { reason: string }) => r.reason)).toEqual(['wrong-password', 'unknown-email']);
    });

    it('names the missing field with a 400 instead of trying the credentials', async () => {
      const res = await request(http).post('/v1/auth/login').send({ email: 'someone@test.codeshelf.invalid' }).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    });

    it('limits repeated attempts on one account with a 429 and Retry-After', async () => {
      const email = uniqueEmail('target');
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push((await request(http).post('/v1/auth/login').send({ email, password: `guess-${i}` })).status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      const limited = await request(http).post('/v1/auth/login').send({ email, password: 'guess' }).expect(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('tokens', () => {
    it('lets GET /v1/me tell the caller who they are', async () => {
      const branchId = (await db.query(`INSERT INTO branch (name, timezone) VALUES ('Me Branch', 'UTC') RETURNING id`))[0].id;
      const coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
      const res = await request(http).get('/v1/me').set(bearer(coordinator)).expect(200);
      expect(res.body).toEqual({ kind: 'user', id: coordinator.id, role: 'coordinator', displayName: 'Test coordinator', branchIds: [branchId], sponsorId: null });
    });

    it('refuses a missing, malformed or forged token with 401', async () => {
      await request(http).get('/v1/me').expect(401);
      await request(http).get('/v1/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
      const admin = await createUser(app, 'admin');
      const [header, payload] = admin.token.split('.');
      await request(http).get('/v1/me').set('Authorization', `Bearer ${header}.${payload}.forged-signature`).expect(401);
    });

    it('refuses a token signed with alg "none"', async () => {
      const admin = await createUser(app, 'admin');
      const payload = admin.token.split('.')[1];
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      await request(http).get('/v1/me').set('Authorization', `Bearer ${header}.${payload}.`).expect(401);
    });

    it('stops a disabled user’s existing token at once', async () => {
      const admin = await createUser(app, 'admin');
      const mentor = await createUser(app, 'mentor');
      await request(http).get('/v1/me').set(bearer(mentor)).expect(200);
      await request(http).patch(`/v1/users/${mentor.id}`).set(bearer(admin)).send({ disabled: true }).expect(200);
      await request(http).get('/v1/me').set(bearer(mentor)).expect(401);
      await request(http).post('/v1/auth/login').send({ email: mentor.email, password: PASSWORD }).expect(401);
    });
  });

  describe('users (admin)', () => {
    it('creates a coordinator with branches and audits role and branch changes', async () => {
      const admin = await createUser(app, 'admin');
      const [a, b] = await Promise.all(['North', 'South'].map(async (n) => (await db.query(`INSERT INTO branch (name, timezone) VALUES ($1, 'UTC') RETURNING id`, [n]))[0].id));
      const created = await request(http)
        .post('/v1/users')
        .set(bearer(admin))
        .send({ email: uniqueEmail('coord'), password: PASSWORD, role: 'coordinator', displayName: 'Cora', branchIds: [a] })
        .expect(201);
      expect(created.body).toMatchObject({ role: 'coordinator', branchIds: [a], disabled: false });
      expect(created.body.passwordHash).toBeUndefined();
      await request(http).patch(`/v1/users/${created.body.id}`).set(bearer(admin)).send({ branchIds: [a, b] }).expect(200);
      await request(http).patch(`/v1/users/${created.body.id}`).set(bearer(admin)).send({ role: 'mentor', branchIds: [] }).expect(200);
      const events = await db.query(`SELECT action, changes FROM audit_event WHERE entity_id = $1 ORDER BY at`, [created.body.id]);
      expect(events.map((e: { action: string }) => e.action)).toEqual(['user.created', 'user.access_changed', 'user.access_changed']);
      expect(events[2].changes.role).toEqual({ from: 'coordinator', to: 'mentor' });
    });

    it('pages through accounts with limit and cursor, never repeating or skipping one', async () => {
      const admin = await createUser(app, 'admin');
      const mine = (await Promise.all([1, 2, 3].map(() => createUser(app, 'mentor')))).map((u) => u.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await request(http)
          .get('/v1/users')
          .query({ role: 'mentor', limit: 2, ...(cursor ? { cursor } : {}) })
          .set(bearer(admin))
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((u) => u.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(mine));
      await request(http).get('/v1/users').query({ limit: 201 }).set(bearer(admin)).expect(400);
      const bad = await request(http).get('/v1/users').query({ cursor: 'not-a-cursor' }).set(bearer(admin)).expect(400);
      expect(bad.body.errors[0].field).toBe('cursor');
    });

    it('finds accounts by part of the e-mail or the name, in any case, with the role filter', async () => {
      const admin = await createUser(app, 'admin');
      const tag = `Zed${Date.now().toString(36)}`;
      const byName = await request(http)
        .post('/v1/users')
        .set(bearer(admin))
        .send({ email: uniqueEmail('someone'), password: PASSWORD, role: 'mentor', displayName: `Mona ${tag}` })
        .expect(201);
      const byEmail = await request(http)
        .post('/v1/users')
        .set(bearer(admin))
        .send({ email: `${tag.toLowerCase()}@test.codeshelf.invalid`, password: PASSWORD, role: 'sponsor', displayName: 'Sid', sponsorId: await createSponsor(app) })
        .expect(201);
      const ids = async (query: Record<string, string>) =>
        (await request(http).get('/v1/users').query(query).set(bearer(admin)).expect(200)).body.items.map((u: { id: string }) => u.id).sort();
      expect(await ids({ q: tag.toUpperCase() })).toEqual([byName.body.id, byEmail.body.id].sort());
      expect(await ids({ q: tag, role: 'mentor' })).toEqual([byName.body.id]);
      expect(await ids({ q: '%' })).not.toContain(byName.body.id);
    });

    it('keeps a teen’s account a participant’s, and the last active admin an admin', async () => {
      const admin = await createUser(app, 'admin');
      const teen = await createUser(app, 'mentor');
      await db.query(`UPDATE user_account SET role = 'participant' WHERE id = $1`, [teen.id]);
      const promoted = await request(http).patch(`/v1/users/${teen.id}`).set(bearer(admin)).send({ role: 'coordinator' }).expect(422);
      expect(promoted.body.errors[0].field).toBe('role');
      const mentor = await createUser(app, 'mentor');
      await request(http).patch(`/v1/users/${mentor.id}`).set(bearer(admin)).send({ role: 'participant' }).expect(400);
      await db.query(`UPDATE user_account SET disabled = true WHERE role = 'admin' AND id <> $1`, [admin.id]);
      const last = await request(http).patch(`/v1/users/${admin.id}`).set(bearer(admin)).send({ disabled: true }).expect(422);
      expect(last.body.detail).toMatch(/last active admin/);
      await request(http).patch(`/v1/users/${admin.id}`).set(bearer(admin)).send({ role: 'mentor' }).expect(422);
    });

    it('answers a taken e-mail, in any case, with 409', async () => {
      const admin = await createUser(app, 'admin');
      const body = { email: uniqueEmail('dup'), password: PASSWORD, role: 'mentor', displayName: 'Dup' };
      await request(http).post('/v1/users').set(bearer(admin)).send(body).expect(201);
      const res = await request(http).post('/v1/users').set(bearer(admin)).send({ ...body, email: body.email.toUpperCase() }).expect(409);
      expect(res.body.code).toBe('email-taken');
    });

    it('refuses a sponsor user without a sponsor, and branches for a non-coordinator, with 422 naming the field', async () => {
      const admin = await createUser(app, 'admin');
      const noSponsor = await request(http)
        .post('/v1/users')
        .set(bearer(admin))
        .send({ email: uniqueEmail('s'), password: PASSWORD, role: 'sponsor', displayName: 'S' })
        .expect(422);
      expect(noSponsor.body.errors[0].field).toBe('sponsorId');
      const unknownBranch = await request(http)
        .post('/v1/users')
        .set(bearer(admin))
        .send({ email: uniqueEmail('c'), password: PASSWORD, role: 'coordinator', displayName: 'C', branchIds: ['6b0c1a8e-6d5e-4a7e-9a57-0d6f4f2f0a11'] })
        .expect(422);
      expect(unknownBranch.body.errors[0].field).toBe('branchIds');
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM user_account WHERE display_name = 'C'`);
      expect(count).toBe(0);
    });

    it('refuses role escalation through an unknown field, and participants as a created role', async () => {
      const admin = await createUser(app, 'admin');
      const res = await request(http)
        .post('/v1/users')
        .set(bearer(admin))
        .send({ email: uniqueEmail('p'), password: PASSWORD, role: 'participant', displayName: 'P' })
        .expect(400);
      expect(res.body.errors[0].field).toBe('role');
      const mentor = await createUser(app, 'mentor');
      const smuggled = await request(http).patch(`/v1/users/${mentor.id}`).set(bearer(admin)).send({ displayName: 'M', passwordHash: 'x', email: 'new@x.invalid' }).expect(400);
      expect(smuggled.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'passwordHash']);
      const [row] = await db.query(`SELECT display_name, email FROM user_account WHERE id = $1`, [mentor.id]);
      expect(row).toEqual({ display_name: 'Test mentor', email: mentor.email });
      await request(http).patch(`/v1/users/${mentor.id}`).set(bearer(mentor)).send({ role: 'admin' }).expect(403);
    });
  });

  describe('sponsor API keys', () => {
    it('lets a key read GET /v1/me until it is revoked, then answers 401', async () => {
      const admin = await createUser(app, 'admin');
      const sponsorId = await createSponsor(app, 'Acme Robotics');
      const created = await request(http).post(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).send({ name: 'dashboard' }).expect(201);
      expect(created.body.key).toMatch(/^csk_[0-9a-f]{12}_/);
      const [stored] = await db.query(`SELECT key_hash FROM api_key WHERE id = $1`, [created.body.id]);
      const secret = created.body.key.slice('csk_'.length + created.body.prefix.length + 1);
      expect(secret).toHaveLength(43);
      expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.key_hash).not.toContain(secret);
      const me = await request(http).get('/v1/me').set('X-API-Key', created.body.key).expect(200);
      expect(me.body).toMatchObject({ kind: 'api-key', id: created.body.id, role: 'sponsor', sponsorId });
      const listed = await request(http).get(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).expect(200);
      expect(listed.body[0].lastUsedAt).not.toBeNull();
      expect(listed.body[0].key).toBeUndefined();
      await request(http).delete(`/v1/sponsors/${sponsorId}/api-keys/${created.body.id}`).set(bearer(admin)).expect(204);
      await request(http).get('/v1/me').set('X-API-Key', created.body.key).expect(401);
      const actions = (await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY at`, [created.body.id])).map((e: { action: string }) => e.action);
      expect(actions).toEqual(['api_key.created', 'api_key.revoked']);
    });

    it('rotates a key in one step: the old key stops at once, the new one (same name) is shown once, both audited; a revoked or unknown key is a 404', async () => {
      const admin = await createUser(app, 'admin');
      const sponsorId = await createSponsor(app);
      const sponsorUser = await createUser(app, 'sponsor', { sponsorId });
      const old = (await request(http).post(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).send({ name: 'nightly export' }).expect(201)).body;
      await request(http).get('/v1/me').set('X-API-Key', old.key).expect(200);
      const rotated = await request(http).post(`/v1/sponsors/${sponsorId}/api-keys/${old.id}/rotate`).set(bearer(sponsorUser)).expect(201);
      expect(rotated.body).toMatchObject({ sponsorId, name: 'nightly export', key: expect.stringMatching(/^csk_[0-9a-f]{12}_/) });
      expect(rotated.body.id).not.toBe(old.id);
      await request(http).get('/v1/me').set('X-API-Key', old.key).expect(401);
      expect((await request(http).get('/v1/me').set('X-API-Key', rotated.body.key).expect(200)).body).toMatchObject({ id: rotated.body.id, sponsorId });
      const listed = (await request(http).get(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(sponsorUser)).expect(200)).body;
      expect(listed.map((k: { id: string; revokedAt: string | null; key?: string }) => [k.id, k.revokedAt === null, k.key])).toEqual([
        [old.id, false, undefined],
        [rotated.body.id, true, undefined],
      ]);
      const audited = await db.query(`SELECT entity_id, action, actor_id FROM audit_event WHERE entity = 'api_key' AND entity_id = ANY($1) ORDER BY at, action DESC`, [[old.id, rotated.body.id]]);
      expect(audited).toEqual([
        { entity_id: old.id, action: 'api_key.created', actor_id: admin.id },
        { entity_id: old.id, action: 'api_key.revoked', actor_id: sponsorUser.id },
        { entity_id: rotated.body.id, action: 'api_key.created', actor_id: sponsorUser.id },
      ]);
      // The old key is revoked: rotating it again (a double click, a second tab) makes no second key.
      await request(http).post(`/v1/sponsors/${sponsorId}/api-keys/${old.id}/rotate`).set(bearer(sponsorUser)).expect(404);
      await request(http).post(`/v1/sponsors/${sponsorId}/api-keys/6b0c1a8e-6d5e-4a7e-9a57-0d6f4f2f0a11/rotate`).set(bearer(admin)).expect(404);
      const other = await createUser(app, 'sponsor', { sponsorId: await createSponsor(app) });
      await request(http).post(`/v1/sponsors/${sponsorId}/api-keys/${rotated.body.id}/rotate`).set(bearer(other)).expect(404);
      expect((await request(http).get(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).expect(200)).body).toHaveLength(2);
    });

    it('rotates a key all or nothing: a failed audit write leaves the old key working and no new key', async () => {
      const admin = await createUser(app, 'admin');
      const sponsorId = await createSponsor(app);
      const old = (await request(http).post(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).send({ name: 'k' }).expect(201)).body;
      const audit = app.get(AuditService);
      const record = audit.record.bind(audit);
      const spy = jest.spyOn(audit, 'record').mockImplementation(async (event, manager) => {
        if (event.action === 'api_key.created') throw new Error('audit store unavailable');
        return record(event, manager);
      });
      await request(http).post(`/v1/sponsors/${sponsorId}/api-keys/${old.id}/rotate`).set(bearer(admin)).expect(500);
      spy.mockRestore();
      await request(http).get('/v1/me').set('X-API-Key', old.key).expect(200);
      expect((await request(http).get(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).expect(200)).body).toEqual([expect.objectContaining({ id: old.id, revokedAt: null })]);
    });

    it('refuses a key that was never issued, or one tampered with', async () => {
      await request(http).get('/v1/me').set('X-API-Key', 'csk_000000000000_' + 'a'.repeat(43)).expect(401);
      const admin = await createUser(app, 'admin');
      const sponsorId = await createSponsor(app);
      const { body } = await request(http).post(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).send({ name: 'k' }).expect(201);
      const tampered = body.key.slice(0, -1) + (body.key.endsWith('A') ? 'B' : 'A');
      await request(http).get('/v1/me').set('X-API-Key', tampered).expect(401);
    });

    it('lets a sponsor user manage only its own sponsor’s keys', async () => {
      const mine = await createSponsor(app);
      const theirs = await createSponsor(app);
      const sponsorUser = await createUser(app, 'sponsor', { sponsorId: mine });
      await request(http).post(`/v1/sponsors/${mine}/api-keys`).set(bearer(sponsorUser)).send({ name: 'mine' }).expect(201);
      await request(http).post(`/v1/sponsors/${theirs}/api-keys`).set(bearer(sponsorUser)).send({ name: 'theirs' }).expect(404);
      await request(http).get(`/v1/sponsors/${theirs}/api-keys`).set(bearer(sponsorUser)).expect(404);
    });

    it('answers 404 for keys of a sponsor that does not exist', async () => {
      const admin = await createUser(app, 'admin');
      await request(http).post('/v1/sponsors/6b0c1a8e-6d5e-4a7e-9a57-0d6f4f2f0a11/api-keys').set(bearer(admin)).send({ name: 'x' }).expect(404);
    });
  });

  it('sends a login through the whole stack: created by an admin, then logs in', async () => {
    const admin = await createUser(app, 'admin');
    const email = uniqueEmail('new-mentor');
    await request(http).post('/v1/users').set(bearer(admin)).send({ email, password: PASSWORD, role: 'mentor', displayName: 'Max' }).expect(201);
    const token = await login(app, email);
    await request(http).get('/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
  });
});

describe('Login rate limit behind no trusted proxy', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    process.env.TRUST_PROXY = 'false';
    app = await startTestApp();
  });

  afterAll(async () => {
    process.env.TRUST_PROXY = 'true';
    await app.close();
  });

  it('ignores X-Forwarded-For, so rotating it does not reset the limit', async () => {
    const email = uniqueEmail('spoofed');
    for (let i = 0; i < 10; i++) {
      await request(app.getHttpServer()).post('/v1/auth/login').set('X-Forwarded-For', `203.0.113.${i}`).send({ email, password: `guess-${i}` }).expect(401);
    }
    await request(app.getHttpServer()).post('/v1/auth/login').set('X-Forwarded-For', '203.0.113.99').send({ email, password: 'guess' }).expect(429);
  });
});

describe('Login rate limit per client address', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = '5';
    app = await startTestApp();
  });

  afterAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = '100000';
    await app.close();
  });

  it('slows one address trying many accounts (password spraying), not the others', async () => {
    const login = (email: string, address: string) =>
      request(app.getHttpServer()).post('/v1/auth/login').set('X-Forwarded-For', address).send({ email, password: 'Winter2026!' });
    for (let i = 0; i < 5; i++) await login(uniqueEmail(`spray${i}`), '198.51.100.7').expect(401);
    const limited = await login(uniqueEmail('spray5'), '198.51.100.7').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await login(uniqueEmail('other'), '198.51.100.8').expect(401);
  });
});
