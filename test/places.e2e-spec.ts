import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createUser, type TestUser } from './support/identity';
import { signUpTeen } from './support/people-factories';

describe('Branches (HTTP)', () => {
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

  const uniqueName = (label = 'Branch') => `${label} ${randomUUID().slice(0, 8)}`;
  const newBranch = async (name = uniqueName()) =>
    (await request(http).post('/v1/branches').set(bearer(admin)).send({ name, address: '1 Library Way', timezone: 'America/Chicago' }).expect(201)).body;
  const countNamed = async (name: string) => (await db.query(`SELECT count(*)::int AS count FROM branch WHERE name = $1`, [name]))[0].count;
  const auditOf = (id: string) => db.query(`SELECT action, actor_id, actor_kind, changes FROM audit_event WHERE entity = 'branch' AND entity_id = $1 ORDER BY at`, [id]);

  describe('create', () => {
    it('lets an admin open a branch, answers exactly its public fields, and audits it', async () => {
      const name = uniqueName('Harold Washington');
      const res = await request(http).post('/v1/branches').set(bearer(admin)).send({ name: `  ${name} `, address: '400 S State St', timezone: 'America/Chicago' }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), name, address: '400 S State St', timezone: 'America/Chicago', createdAt: expect.any(String) });
      expect(await auditOf(res.body.id)).toEqual([
        { action: 'branch.created', actor_id: admin.id, actor_kind: 'user', changes: { name, address: '400 S State St', timezone: 'America/Chicago' } },
      ]);
    });

    it('accepts UTC and current IANA names, and no address', async () => {
      for (const timezone of ['UTC', 'Europe/Kyiv', 'Asia/Kolkata']) {
        const res = await request(http).post('/v1/branches').set(bearer(admin)).send({ name: uniqueName(), timezone }).expect(201);
        expect(res.body).toMatchObject({ timezone, address: null });
      }
    });

    it.each(['Mars/Olympus', 'EST', '+01:00', 'america/chicago', '', 42])('refuses the time zone %j as problem+json naming timezone, and writes nothing', async (timezone) => {
      const name = uniqueName('Nowhere');
      const res = await request(http).post('/v1/branches').set(bearer(admin)).send({ name, timezone }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'validation-failed' });
      expect(res.body.errors).toEqual([{ field: 'timezone', code: 'isIanaTimeZone', message: 'timezone must be an IANA time zone such as America/Chicago' }]);
      expect(await countNamed(name)).toBe(0);
    });

    it('refuses an unknown field, a blank name and a missing time zone, naming each field', async () => {
      const name = uniqueName();
      const unknown = await request(http).post('/v1/branches').set(bearer(admin)).send({ name, timezone: 'UTC', seats: 40 }).expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'seats', code: 'whitelistValidation', message: 'seats is not an accepted field' }]);
      const blank = await request(http).post('/v1/branches').set(bearer(admin)).send({ name: '   ', timezone: 'UTC' }).expect(400);
      expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
      const long = await request(http).post('/v1/branches').set(bearer(admin)).send({ name: 'x'.repeat(121), timezone: 'UTC' }).expect(400);
      expect(long.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
      const missing = await request(http).post('/v1/branches').set(bearer(admin)).send({ name }).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['timezone']);
      expect(await countNamed(name)).toBe(0);
    });

    it('is for admins only', async () => {
      const coordinator = await createUser(app, 'coordinator');
      const name = uniqueName();
      await request(http).post('/v1/branches').set(bearer(coordinator)).send({ name, timezone: 'UTC' }).expect(403);
      await request(http).post('/v1/branches').send({ name, timezone: 'UTC' }).expect(401);
      expect(await countNamed(name)).toBe(0);
    });
  });

  describe('read', () => {
    it('lists branches by name for anonymous callers, filtered by q, page by page', async () => {
      const tag = randomUUID().slice(0, 8);
      for (const n of ['Cedar', 'Aspen', 'Birch']) await newBranch(`${n} ${tag}`);
      await newBranch(uniqueName('Elsewhere'));
      const first = await request(http).get('/v1/branches').query({ q: tag.toUpperCase(), limit: 2 }).expect(200);
      expect(first.body.items.map((b: { name: string }) => b.name)).toEqual([`Aspen ${tag}`, `Birch ${tag}`]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await request(http).get('/v1/branches').query({ q: tag, limit: 2, cursor: first.body.nextCursor }).expect(200);
      expect(second.body).toEqual({ items: [expect.objectContaining({ name: `Cedar ${tag}` })], nextCursor: null });
    });

    it('treats % and _ in q as plain characters', async () => {
      const tag = randomUUID().slice(0, 8);
      await newBranch(`Plain ${tag}`);
      const res = await request(http).get('/v1/branches').query({ q: `%${tag.slice(0, 4)}_` }).expect(200);
      expect(res.body.items).toEqual([]);
    });

    it('serves the list to signed-in callers too, whatever their role', async () => {
      const branch = await newBranch();
      const teen = await signUpTeen(app);
      const coordinator = await createUser(app, 'coordinator');
      for (const caller of [teen, coordinator, admin]) {
        const res = await request(http).get('/v1/branches').query({ q: branch.name }).set(bearer(caller)).expect(200);
        expect(res.body.items).toEqual([branch]);
      }
      await request(http).get(`/v1/branches/${branch.id}`).set(bearer(teen)).expect(200);
    });

    it('answers one branch to anyone, 404 for one that does not exist and 400 for an id that is not a UUID', async () => {
      const branch = await newBranch();
      expect((await request(http).get(`/v1/branches/${branch.id}`).expect(200)).body).toEqual(branch);
      const missing = await request(http).get(`/v1/branches/${randomUUID()}`).expect(404);
      expect(missing.body.code).toBe('branch-not-found');
      const res = await request(http).get('/v1/branches/42').expect(400);
      expect(res.body.errors).toEqual([{ field: 'id', code: 'isUuid', message: 'id must be a UUID' }]);
    });

    it('refuses a limit over 200 and a cursor it did not hand out', async () => {
      expect((await request(http).get('/v1/branches').query({ limit: 201 }).expect(400)).body.errors[0].field).toBe('limit');
      expect((await request(http).get('/v1/branches').query({ cursor: 'nonsense' }).expect(400)).body.errors[0].field).toBe('cursor');
    });
  });

  describe('update', () => {
    it('lets the branch’s coordinator change it, audited, and no other coordinator or teen', async () => {
      const branch = await newBranch();
      const ours = await createUser(app, 'coordinator', { branchIds: [branch.id] });
      const other = await createUser(app, 'coordinator', { branchIds: [(await newBranch()).id] });
      const teen = await signUpTeen(app);
      const changed = await request(http).patch(`/v1/branches/${branch.id}`).set(bearer(ours)).send({ address: '2 New St' }).expect(200);
      expect(changed.body).toEqual({ ...branch, address: '2 New St' });
      const refused = await request(http).patch(`/v1/branches/${branch.id}`).set(bearer(other)).send({ address: 'hijacked' }).expect(403);
      expect(refused.body.code).toBe('branch-not-yours');
      await request(http).patch(`/v1/branches/${branch.id}`).set(bearer(teen)).send({ address: 'hijacked' }).expect(403);
      await request(http).patch(`/v1/branches/${branch.id}`).send({ address: 'hijacked' }).expect(401);
      expect((await request(http).get(`/v1/branches/${branch.id}`).expect(200)).body.address).toBe('2 New St');
      const events = await auditOf(branch.id);
      expect(events.map((e: { action: string }) => e.action)).toEqual(['branch.created', 'branch.updated']);
      expect(events[1]).toMatchObject({ actor_id: ours.id, changes: { address: { from: '1 Library Way', to: '2 New St' } } });
    });

    it('lets an admin change any branch: rename, move time zone, clear the address', async () => {
      const branch = await newBranch();
      const name = uniqueName('Renamed');
      const res = await request(http).patch(`/v1/branches/${branch.id}`).set(bearer(admin)).send({ name, timezone: 'America/New_York', address: null }).expect(200);
      expect(res.body).toEqual({ ...branch, name, timezone: 'America/New_York', address: null });
      expect((await request(http).get(`/v1/branches/${branch.id}`).expect(200)).body).toEqual(res.body);
    });

    it('refuses a null name, a bad time zone and an unknown field, and changes nothing', async () => {
      const branch = await newBranch();
      const cases: [Record<string, unknown>, string][] = [
        [{ name: null }, 'name'],
        [{ timezone: 'Mars/Olympus' }, 'timezone'],
        [{ timezone: null }, 'timezone'],
        [{ createdAt: '2020-01-01T00:00:00Z' }, 'createdAt'],
      ];
      for (const [body, field] of cases) {
        const res = await request(http).patch(`/v1/branches/${branch.id}`).set(bearer(admin)).send(body).expect(400);
        expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set([field]));
      }
      expect((await request(http).get(`/v1/branches/${branch.id}`).expect(200)).body).toEqual(branch);
    });

    it('answers 404 for a branch that does not exist, and records nothing for a change that changes nothing', async () => {
      const missing = await request(http).patch(`/v1/branches/${randomUUID()}`).set(bearer(admin)).send({ address: 'x' }).expect(404);
      expect(missing.body.code).toBe('branch-not-found');
      const branch = await newBranch();
      await request(http).patch(`/v1/branches/${branch.id}`).set(bearer(admin)).send({ address: branch.address }).expect(200);
      expect((await auditOf(branch.id)).map((e: { action: string }) => e.action)).toEqual(['branch.created']);
    });
  });
});
