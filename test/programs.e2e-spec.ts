import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createBranch, createUser, type TestUser } from './support/identity';
import { signUpTeen } from './support/people-factories';

describe('Programs (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let branchId: string;
  let coordinator: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    branchId = await createBranch(app);
    coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
  });

  afterAll(async () => {
    await app.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    branchId,
    title: `Intro to Python ${randomUUID().slice(0, 6)}`,
    level: 'beginner',
    minAge: 13,
    maxAge: 17,
    capacity: 20,
    startsOn: '2027-01-12',
    endsOn: '2027-05-25',
    enrollmentOpensAt: '2026-12-01T09:00:00-06:00',
    enrollmentClosesAt: '2027-01-10T23:59:00-06:00',
    ...overrides,
  });
  const create = (overrides: Record<string, unknown> = {}, as: { token: string } = coordinator) =>
    request(http).post('/v1/programs').set(bearer(as)).send(body(overrides));
  const publish = (id: string, as: { token: string } = coordinator) => request(http).post(`/v1/programs/${id}/publish`).set(bearer(as));

  it('creates a draft at the coordinator’s branch with the defaults, keeping the instant of the enrollment window', async () => {
    const res = await create().expect(201);
    expect(res.body).toMatchObject({ status: 'draft', waitlistEnabled: true, completionThreshold: 0.75, publishedAt: null, description: '' });
    expect(new Date(res.body.enrollmentOpensAt).toISOString()).toBe('2026-12-01T15:00:00.000Z');
    const [event] = await db.query(`SELECT action, actor_id FROM audit_event WHERE entity_id = $1`, [res.body.id]);
    expect(event).toEqual({ action: 'program.created', actor_id: coordinator.id });
  });

  it('refuses impossible programs with 400 naming the field, and writes nothing', async () => {
    const title = `Impossible ${randomUUID()}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ minAge: 16, maxAge: 14 }, 'maxAge'],
      [{ startsOn: '2027-05-01', endsOn: '2027-04-01' }, 'endsOn'],
      [{ enrollmentClosesAt: '2026-11-30T09:00:00-06:00' }, 'enrollmentClosesAt'],
      [{ capacity: 0 }, 'capacity'],
      [{ startsOn: '2027-02-30' }, 'startsOn'],
      [{ enrollmentOpensAt: '2026-12-01T09:00:00' }, 'enrollmentOpensAt'],
      [{ status: 'published' }, 'status'],
    ];
    for (const [overrides, field] of cases) {
      const res = await create({ title, ...overrides }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM program WHERE title = $1`, [title]);
    expect(count).toBe(0);
  });

  it('keeps a coordinator to their own branches', async () => {
    const elsewhere = await createBranch(app);
    await create({ branchId: elsewhere }).expect(403);
    const admin = await createUser(app, 'admin');
    const res = await create({ branchId: randomUUID() }, admin).expect(422);
    expect(res.body.errors[0].field).toBe('branchId');
  });

  it('shows a draft only to the staff of its branch, and publishes it into the public catalogue', async () => {
    const draft = (await create().expect(201)).body;
    const teen = await signUpTeen(app);
    const other = await createUser(app, 'coordinator', { branchIds: [await createBranch(app)] });
    await request(http).get(`/v1/programs/${draft.id}`).expect(404);
    await request(http).get(`/v1/programs/${draft.id}`).set(bearer(teen)).expect(404);
    await request(http).get(`/v1/programs/${draft.id}`).set(bearer(other)).expect(404);
    await request(http).get(`/v1/programs/${draft.id}`).set(bearer(coordinator)).expect(200);
    await publish(draft.id, other).expect(404);
    const published = await publish(draft.id).expect(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).not.toBeNull();
    await request(http).get(`/v1/programs/${draft.id}`).expect(200);
    await request(http).patch(`/v1/programs/${draft.id}`).set(bearer(other)).send({ capacity: 5 }).expect(403);
    const again = await publish(draft.id).expect(409);
    expect(again.body).toMatchObject({ code: 'program-status-conflict', status: 409, programStatus: 'published' });
  });

  it('filters the catalogue by branch, age, dates and title, by start date, and never lists drafts to the public', async () => {
    const tag = randomUUID().slice(0, 8);
    const spring = (await create({ title: `Robotics ${tag}`, startsOn: '2027-03-01', endsOn: '2027-05-01', minAge: 10, maxAge: 12 }).expect(201)).body;
    const winter = (await create({ title: `Web ${tag}`, startsOn: '2027-01-05', endsOn: '2027-02-20', minAge: 14, maxAge: 18 }).expect(201)).body;
    const hidden = (await create({ title: `Draft ${tag}` }).expect(201)).body;
    await publish(spring.id).expect(200);
    await publish(winter.id).expect(200);
    const titles = async (query: Record<string, unknown>, as?: { token: string }) => {
      const req = request(http).get('/v1/programs').query({ q: tag, ...query });
      return (await (as ? req.set(bearer(as)) : req).expect(200)).body.items.map((p: { title: string }) => p.title);
    };
    expect(await titles({})).toEqual([`Web ${tag}`, `Robotics ${tag}`]);
    expect(await titles({ age: 11 })).toEqual([`Robotics ${tag}`]);
    expect(await titles({ from: '2027-03-01' })).toEqual([`Robotics ${tag}`]);
    expect(await titles({ to: '2027-02-01' })).toEqual([`Web ${tag}`]);
    expect(await titles({ branchId, status: 'draft' })).toEqual([]);
    expect(await titles({ status: 'draft' }, coordinator)).toEqual([hidden.title]);
    const page = await request(http).get('/v1/programs').query({ q: tag, limit: 1 }).expect(200);
    const next = await request(http).get('/v1/programs').query({ q: tag, limit: 1, cursor: page.body.nextCursor }).expect(200);
    expect([page.body.items[0].id, next.body.items[0].id]).toEqual([winter.id, spring.id]);
  });

  it('changes a program, audited, but not an archived one', async () => {
    const program = (await create().expect(201)).body;
    const changed = await request(http).patch(`/v1/programs/${program.id}`).set(bearer(coordinator)).send({ capacity: 25, waitlistEnabled: false }).expect(200);
    expect(changed.body).toMatchObject({ capacity: 25, waitlistEnabled: false });
    const bad = await request(http).patch(`/v1/programs/${program.id}`).set(bearer(coordinator)).send({ maxAge: 12 }).expect(400);
    expect(bad.body.errors[0].field).toBe('maxAge');
    await request(http).patch(`/v1/programs/${program.id}`).set(bearer(coordinator)).send({ branchId: randomUUID() }).expect(400);
    await request(http).post(`/v1/programs/${program.id}/archive`).set(bearer(coordinator)).expect(200);
    await request(http).patch(`/v1/programs/${program.id}`).set(bearer(coordinator)).send({ capacity: 30 }).expect(409);
    const actions = (await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY at`, [program.id])).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['program.created', 'program.updated', 'program.archived']);
  });

  it('holds the rules in the database for every writer', async () => {
    const program = (await create().expect(201)).body;
    await expect(db.query(`UPDATE program SET min_age = 18, max_age = 12 WHERE id = $1`, [program.id])).rejects.toThrow(/program_ages_check/);
    await expect(db.query(`UPDATE program SET status = 'published' WHERE id = $1`, [program.id])).rejects.toThrow(/program_published_at_check/);
  });
});
