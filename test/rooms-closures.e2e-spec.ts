import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createBranch, createUser, type TestUser } from './support/identity';

describe('Rooms and closures (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let branchId: string;
  let coordinator: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    branchId = await createBranch(app);
    coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
  });

  afterAll(async () => {
    await app.close();
  });

  it('adds rooms to a branch, lists them publicly by name, and refuses a second room of the same name', async () => {
    await request(http).post(`/v1/branches/${branchId}/rooms`).set(bearer(coordinator)).send({ name: 'Maker Lab', seats: 24 }).expect(201);
    await request(http).post(`/v1/branches/${branchId}/rooms`).set(bearer(coordinator)).send({ name: 'Auditorium', seats: 120 }).expect(201);
    const dup = await request(http).post(`/v1/branches/${branchId}/rooms`).set(bearer(coordinator)).send({ name: 'Maker Lab', seats: 10 }).expect(409);
    expect(dup.body.code).toBe('room-name-taken');
    const list = await request(http).get(`/v1/branches/${branchId}/rooms`).expect(200);
    expect(list.body.map((r: { name: string; seats: number }) => [r.name, r.seats])).toEqual([['Auditorium', 120], ['Maker Lab', 24]]);
  });

  it('refuses zero seats naming the field, another coordinator with 403, and an unknown branch with 404', async () => {
    const zero = await request(http).post(`/v1/branches/${branchId}/rooms`).set(bearer(coordinator)).send({ name: 'Closet', seats: 0 }).expect(400);
    expect(zero.body.errors[0].field).toBe('seats');
    const other = await createUser(app, 'coordinator', { branchIds: [await createBranch(app)] });
    await request(http).post(`/v1/branches/${branchId}/rooms`).set(bearer(other)).send({ name: 'Mine now', seats: 5 }).expect(403);
    await request(http).post(`/v1/branches/${randomUUID()}/rooms`).set(bearer(coordinator)).send({ name: 'Nowhere', seats: 5 }).expect(404);
    await request(http).get(`/v1/branches/${randomUUID()}/closures`).expect(404);
  });

  it('changes a room’s seats and name for the branch’s staff only, refusing a name taken, all audited', async () => {
    const room = await request(http).post(`/v1/branches/${branchId}/rooms`).set(bearer(coordinator)).send({ name: 'Studio', seats: 8 }).expect(201);
    await request(http).post(`/v1/branches/${branchId}/rooms`).set(bearer(coordinator)).send({ name: 'Annex', seats: 6 }).expect(201);
    const path = `/v1/branches/${branchId}/rooms/${room.body.id}`;
    const grown = await request(http).patch(path).set(bearer(coordinator)).send({ seats: 16 }).expect(200);
    expect(grown.body).toMatchObject({ id: room.body.id, name: 'Studio', seats: 16 });
    const taken = await request(http).patch(path).set(bearer(coordinator)).send({ name: 'Annex' }).expect(409);
    expect(taken.body.code).toBe('room-name-taken');
    await request(http).patch(path).set(bearer(coordinator)).send({ seats: 0 }).expect(400);
    const other = await createUser(app, 'coordinator', { branchIds: [await createBranch(app)] });
    await request(http).patch(path).set(bearer(other)).send({ seats: 1 }).expect(403);
    await request(http).patch(`/v1/branches/${branchId}/rooms/${randomUUID()}`).set(bearer(coordinator)).send({ seats: 1 }).expect(404);
    const listed = (await request(http).get(`/v1/branches/${branchId}/rooms`).expect(200)).body.find((r: { id: string }) => r.id === room.body.id);
    expect(listed.seats).toBe(16);
    const events = await app.get(DataSource).query(`SELECT action, changes FROM audit_event WHERE entity_id = $1 ORDER BY at`, [room.body.id]);
    expect(events).toEqual([
      { action: 'room.created', changes: expect.anything() },
      { action: 'room.changed', changes: { seats: { from: 8, to: 16 } } },
    ]);
  });

  it('closes a branch on a date once, lists closures in a range, and reopens it, all audited', async () => {
    const closed = await request(http).post(`/v1/branches/${branchId}/closures`).set(bearer(coordinator)).send({ date: '2027-01-18', reason: 'MLK Day' }).expect(201);
    await request(http).post(`/v1/branches/${branchId}/closures`).set(bearer(coordinator)).send({ date: '2027-02-15', reason: 'Presidents Day' }).expect(201);
    const again = await request(http).post(`/v1/branches/${branchId}/closures`).set(bearer(coordinator)).send({ date: '2027-01-18', reason: 'Snow' }).expect(409);
    expect(again.body.code).toBe('already-closed');
    const january = await request(http).get(`/v1/branches/${branchId}/closures`).query({ from: '2027-01-01', to: '2027-01-31' }).expect(200);
    expect(january.body).toEqual([{ id: closed.body.id, branchId, date: '2027-01-18', reason: 'MLK Day' }]);
    await request(http).delete(`/v1/branches/${branchId}/closures/${closed.body.id}`).set(bearer(coordinator)).expect(204);
    await request(http).delete(`/v1/branches/${branchId}/closures/${closed.body.id}`).set(bearer(coordinator)).expect(404);
    const actions = (await app.get(DataSource).query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY at`, [closed.body.id])).map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(['closure.created', 'closure.removed']);
  });

  it('refuses a date that does not exist, naming the field', async () => {
    const res = await request(http).post(`/v1/branches/${branchId}/closures`).set(bearer(coordinator)).send({ date: '2027-02-29', reason: 'Leap' }).expect(400);
    expect(res.body.errors[0].field).toBe('date');
  });
});
