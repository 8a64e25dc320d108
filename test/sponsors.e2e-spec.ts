import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createUser, type TestUser } from './support/identity';

describe('Sponsors (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    admin = await createUser(app, 'admin');
  });

  afterAll(async () => {
    await app.close();
  });

  const uniqueName = (label = 'Sponsor') => `${label} ${randomUUID().slice(0, 8)}`;
  const newSponsor = async (name = uniqueName()) =>
    (await request(http).post('/v1/sponsors').set(bearer(admin)).send({ name, website: 'https://acme.example', contactEmail: 'hi@acme.example' }).expect(201)).body;
  const countNamed = async (name: string) => (await db.query(`SELECT count(*)::int AS count FROM sponsor WHERE name = $1`, [name]))[0].count;
  const auditOf = (id: string) => db.query(`SELECT action, actor_id, changes FROM audit_event WHERE entity = 'sponsor' AND entity_id = $1 ORDER BY at`, [id]);
  const apiKeyOf = async (sponsorId: string) => {
    const { body } = await request(http).post(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).send({ name: 'reports' }).expect(201);
    return { 'X-API-Key': body.key as string };
  };

  describe('create and change (admin)', () => {
    it('lets an admin add a sponsor, answers exactly its fields, and audits it', async () => {
      const name = uniqueName('Acme');
      const fields = { website: 'https://acme.example/community', contactEmail: 'hi@acme.example', contactName: 'Dana Díaz', logoUrl: 'https://acme.example/logo.png' };
      const res = await request(http).post('/v1/sponsors').set(bearer(admin)).send({ name, ...fields }).expect(201);
      // Exactly these fields: never the pseudonym salt.
      expect(res.body).toEqual({ id: expect.any(String), name, ...fields, createdAt: expect.any(String) });
      expect(await auditOf(res.body.id)).toEqual([{ action: 'sponsor.created', actor_id: admin.id, changes: { name, ...fields } }]);
    });

    it('needs only a name', async () => {
      const name = uniqueName();
      const res = await request(http).post('/v1/sponsors').set(bearer(admin)).send({ name }).expect(201);
      expect(res.body).toMatchObject({ name, website: null, contactEmail: null, contactName: null, logoUrl: null });
    });

    it('refuses a website that is not an http(s) URL, a bad e-mail and an unknown field, naming each, and writes nothing', async () => {
      const name = uniqueName();
      const cases: [Record<string, unknown>, string][] = [
        [{ name, website: 'javascript:alert(1)' }, 'website'],
        [{ name, website: 'ftp://acme.example' }, 'website'],
        [{ name, website: 'acme.example' }, 'website'],
        [{ name, contactEmail: 'not-an-email' }, 'contactEmail'],
        [{ name: ' ' }, 'name'],
        [{ name: 'x'.repeat(201) }, 'name'],
        [{ name, apiKey: 'csk_x' }, 'apiKey'],
      ];
      for (const [body, field] of cases) {
        const res = await request(http).post('/v1/sponsors').set(bearer(admin)).send(body).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      expect(await countNamed(name)).toBe(0);
    });

    it('lets an admin change a sponsor, audited, and clear its website', async () => {
      const sponsor = await newSponsor();
      const name = uniqueName('Acme Robotics Inc.');
      const changed = await request(http).patch(`/v1/sponsors/${sponsor.id}`).set(bearer(admin)).send({ name, website: null }).expect(200);
      expect(changed.body).toEqual({ ...sponsor, name, website: null });
      expect((await request(http).get(`/v1/sponsors/${sponsor.id}`).set(bearer(admin)).expect(200)).body).toEqual(changed.body);
      const events = await auditOf(sponsor.id);
      expect(events.map((e: { action: string }) => e.action)).toEqual(['sponsor.created', 'sponsor.updated']);
      expect(events[1].changes).toEqual({ name: { from: sponsor.name, to: name }, website: { from: 'https://acme.example', to: null } });
    });

    it('answers 404 to a change of a sponsor that does not exist, and 400 to a null name', async () => {
      const missing = await request(http).patch(`/v1/sponsors/${randomUUID()}`).set(bearer(admin)).send({ name: 'Ghost' }).expect(404);
      expect(missing.body.code).toBe('sponsor-not-found');
      const sponsor = await newSponsor();
      const res = await request(http).patch(`/v1/sponsors/${sponsor.id}`).set(bearer(admin)).send({ name: null }).expect(400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['name']));
    });

    it('keeps creating and changing to admins: neither a coordinator nor a sponsor can, and nothing is written', async () => {
      const sponsor = await newSponsor();
      const coordinator = await createUser(app, 'coordinator');
      const sponsorUser = await createUser(app, 'sponsor', { sponsorId: sponsor.id });
      const name = uniqueName();
      await request(http).post('/v1/sponsors').set(bearer(coordinator)).send({ name }).expect(403);
      await request(http).patch(`/v1/sponsors/${sponsor.id}`).set(bearer(coordinator)).send({ name }).expect(403);
      await request(http).post('/v1/sponsors').set(bearer(sponsorUser)).send({ name }).expect(403);
      await request(http).patch(`/v1/sponsors/${sponsor.id}`).set(bearer(sponsorUser)).send({ name }).expect(403);
      await request(http).patch(`/v1/sponsors/${sponsor.id}`).set(await apiKeyOf(sponsor.id)).send({ name }).expect(403);
      expect(await countNamed(name)).toBe(0);
    });
  });

  describe('read', () => {
    it('shows a sponsor user only its own sponsor, and 404 for another', async () => {
      const [mine, theirs] = [await newSponsor(), await newSponsor()];
      const user = await createUser(app, 'sponsor', { sponsorId: mine.id });
      const list = await request(http).get('/v1/sponsors').set(bearer(user)).expect(200);
      expect(list.body).toEqual({ items: [mine], nextCursor: null });
      expect((await request(http).get(`/v1/sponsors/${mine.id}`).set(bearer(user)).expect(200)).body).toEqual(mine);
      const hidden = await request(http).get(`/v1/sponsors/${theirs.id}`).set(bearer(user)).expect(404);
      expect(hidden.body.code).toBe('sponsor-not-found');
      // Same answer as for a sponsor that does not exist at all.
      const missing = await request(http).get(`/v1/sponsors/${randomUUID()}`).set(bearer(user)).expect(404);
      expect(Object.keys(missing.body).sort()).toEqual(Object.keys(hidden.body).sort());
    });

    it('lets a sponsor’s API key read its own sponsor and nothing else', async () => {
      const [mine, theirs] = [await newSponsor(), await newSponsor()];
      const key = await apiKeyOf(mine.id);
      expect((await request(http).get(`/v1/sponsors/${mine.id}`).set(key).expect(200)).body).toEqual(mine);
      expect((await request(http).get('/v1/sponsors').set(key).expect(200)).body).toEqual({ items: [mine], nextCursor: null });
      const hidden = await request(http).get(`/v1/sponsors/${theirs.id}`).set(key).expect(404);
      expect(hidden.body.code).toBe('sponsor-not-found');
    });

    it('lets coordinators and admins list and read every sponsor, by name, page by page', async () => {
      const tag = randomUUID().slice(0, 8);
      const [zeta, alpha, mid] = [await newSponsor(`Zeta ${tag}`), await newSponsor(`Alpha ${tag}`), await newSponsor(`Mid ${tag}`)];
      const coordinator = await createUser(app, 'coordinator');
      for (const staff of [coordinator, admin]) {
        const first = await request(http).get('/v1/sponsors').query({ q: tag, limit: 2 }).set(bearer(staff)).expect(200);
        expect(first.body.items).toEqual([alpha, mid]);
        const second = await request(http).get('/v1/sponsors').query({ q: tag, limit: 2, cursor: first.body.nextCursor }).set(bearer(staff)).expect(200);
        expect(second.body).toEqual({ items: [zeta], nextCursor: null });
        expect((await request(http).get(`/v1/sponsors/${zeta.id}`).set(bearer(staff)).expect(200)).body).toEqual(zeta);
      }
    });

    it('keeps mentors and anonymous callers out', async () => {
      const sponsor = await newSponsor();
      const mentor = await createUser(app, 'mentor');
      await request(http).get('/v1/sponsors').set(bearer(mentor)).expect(403);
      await request(http).get(`/v1/sponsors/${sponsor.id}`).set(bearer(mentor)).expect(403);
      await request(http).get('/v1/sponsors').expect(401);
      await request(http).get(`/v1/sponsors/${sponsor.id}`).expect(401);
    });

    it('answers 400 naming id for an id that is not a UUID', async () => {
      const res = await request(http).get('/v1/sponsors/42').set(bearer(admin)).expect(400);
      expect(res.body.errors).toEqual([{ field: 'id', code: 'isUuid', message: 'id must be a UUID' }]);
    });
  });
});
