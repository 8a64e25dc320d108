import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createUser, type TestUser } from './support/identity';

describe('Sessions and series (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let coordinator: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  /** A branch in New York with a room and a closure, run by a fresh coordinator, and a draft program there. */
  async function setting(program: Record<string, unknown> = {}) {
    const admin = await createUser(app, 'admin');
    const branch = (await request(http).post('/v1/branches').set(bearer(admin)).send({ name: `NY ${randomUUID().slice(0, 6)}`, timezone: 'America/New_York' }).expect(201)).body;
    coordinator = await createUser(app, 'coordinator', { branchIds: [branch.id] });
    const room = (await request(http).post(`/v1/branches/${branch.id}/rooms`).set(bearer(coordinator)).send({ name: 'Lab', seats: 20 }).expect(201)).body;
    await request(http).post(`/v1/branches/${branch.id}/closures`).set(bearer(coordinator)).send({ date: '2027-03-18', reason: 'Staff training' }).expect(201);
    const created = await request(http)
      .post('/v1/programs')
      .set(bearer(coordinator))
      .send({ branchId: branch.id, title: 'Python', level: 'beginner', minAge: 13, maxAge: 17, capacity: 20, startsOn: '2027-03-01', endsOn: '2027-03-31', ...program })
      .expect(201);
    return { branch, room, program: created.body };
  }

  it('makes a weekly series across the March DST change at 16:00 local, skipping the closure, then publishes it', async () => {
    const { room, program } = await setting();
    const res = await request(http)
      .post(`/v1/programs/${program.id}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startTime: '16:00', durationMinutes: 90, roomId: room.id })
      .expect(201);
    const localTimes = res.body.created.map((s: { startsAt: string }) => DateTime.fromISO(s.startsAt, { zone: 'America/New_York' }).toFormat('ccc dd HH:mm'));
    expect(localTimes).toEqual(['Tue 02 16:00', 'Thu 04 16:00', 'Tue 09 16:00', 'Thu 11 16:00', 'Tue 16 16:00', 'Tue 23 16:00', 'Thu 25 16:00', 'Tue 30 16:00']);
    expect(res.body.skipped).toEqual([{ date: '2027-03-18', reason: 'branch closed: Staff training' }]);
    expect(res.body.created[0].startsAt).toBe('2027-03-02T21:00:00.000Z');
    // Daylight-saving time starts on Sunday 14 March 2027: UTC-5 before, UTC-4 after.
    expect(res.body.created[3].startsAt).toBe('2027-03-11T21:00:00.000Z');
    expect(res.body.created[4].startsAt).toBe('2027-03-16T20:00:00.000Z');
    await request(http).get(`/v1/programs/${program.id}/sessions`).expect(404);
    await request(http).post(`/v1/programs/${program.id}/publish`).set(bearer(coordinator)).expect(200);
    const first = await request(http).get(`/v1/programs/${program.id}/sessions`).query({ limit: 5 }).expect(200);
    const rest = await request(http).get(`/v1/programs/${program.id}/sessions`).query({ limit: 5, cursor: first.body.nextCursor }).expect(200);
    expect(rest.body.nextCursor).toBeNull();
    expect([...first.body.items, ...rest.body.items].map((s: { id: string }) => s.id)).toEqual(res.body.created.map((s: { id: string }) => s.id));
  });

  it('lets exactly one of twenty simultaneous bookings of one room at one time through, naming the winner to the rest', async () => {
    const { room, program } = await setting();
    const body = { startsAt: '2027-03-10T16:00:00-05:00', endsAt: '2027-03-10T17:30:00-05:00', roomId: room.id };
    const results = await Promise.all(Array.from({ length: 20 }, () => request(http).post(`/v1/programs/${program.id}/sessions`).set(bearer(coordinator)).send(body)));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    expect(new Set(refused.map((r) => r.body.conflictingSessionId))).toEqual(new Set([created[0].body.id]));
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM session WHERE room_id = $1`, [room.id]);
    expect(count).toBe(1);
  });

  it('reports a series date whose room is taken instead of failing half-way', async () => {
    const { room, program } = await setting();
    const taken = await request(http)
      .post(`/v1/programs/${program.id}/sessions`)
      .set(bearer(coordinator))
      .send({ startsAt: '2027-03-09T16:30:00-05:00', endsAt: '2027-03-09T17:00:00-05:00', roomId: room.id })
      .expect(201);
    const res = await request(http)
      .post(`/v1/programs/${program.id}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=TU', startTime: '16:00', durationMinutes: 60, roomId: room.id, until: '2027-03-16' })
      .expect(201);
    expect(res.body.created.map((s: { startsAt: string }) => s.startsAt.slice(0, 10))).toEqual(['2027-03-02', '2027-03-16']);
    expect(res.body.skipped).toEqual([{ date: '2027-03-09', reason: 'room already booked', conflictingSessionId: taken.body.id }]);
  });

  it('refuses sessions outside the program, on a closed day, or ending before they start', async () => {
    const { program } = await setting();
    const add = (startsAt: string, endsAt: string) => request(http).post(`/v1/programs/${program.id}/sessions`).set(bearer(coordinator)).send({ startsAt, endsAt });
    expect((await add('2027-04-02T16:00:00-04:00', '2027-04-02T17:00:00-04:00').expect(422)).body.code).toBe('session-outside-program');
    expect((await add('2027-03-18T16:00:00-04:00', '2027-03-18T17:00:00-04:00').expect(422)).body.code).toBe('branch-closed');
    expect((await add('2027-03-10T17:00:00-05:00', '2027-03-10T16:00:00-05:00').expect(400)).body.errors[0].field).toBe('endsAt');
    const bad = await request(http).post(`/v1/programs/${program.id}/series`).set(bearer(coordinator)).send({ rrule: 'every tuesday', startTime: '16:00', durationMinutes: 60 }).expect(400);
    expect(bad.body.errors[0].field).toBe('rrule');
  });

  it('cancels a session and the rest of its series from there on, keeping the rows and telling the outbox', async () => {
    const { program } = await setting();
    const series = await request(http)
      .post(`/v1/programs/${program.id}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=MO', startTime: '10:00', durationMinutes: 60 })
      .expect(201);
    const ids = series.body.created.map((s: { id: string }) => s.id);
    expect(ids).toHaveLength(5);
    const cancelled = await request(http).post(`/v1/sessions/${ids[2]}/cancel`).query({ scope: 'following' }).set(bearer(coordinator)).send({ reason: 'Renovation' }).expect(200);
    expect(cancelled.body.map((s: { id: string }) => s.id)).toEqual(ids.slice(2));
    const rows = await db.query(`SELECT id, status, sequence FROM session WHERE program_id = $1 ORDER BY starts_at`, [program.id]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['scheduled', 'scheduled', 'cancelled', 'cancelled', 'cancelled']);
    expect(rows[2].sequence).toBe(1);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM outbox_message WHERE topic = 'session.cancelled' AND payload->>'programId' = $1`, [program.id]);
    expect(count).toBe(3);
    await request(http).post(`/v1/sessions/${ids[0]}/cancel`).set(bearer(coordinator)).send({ reason: 'Flu' }).expect(200);
    await request(http).post(`/v1/sessions/${ids[0]}/cancel`).set(bearer(coordinator)).send({ reason: 'Flu' }).expect(409);
    const [second] = await db.query(`SELECT status FROM session WHERE id = $1`, [ids[1]]);
    expect(second.status).toBe('scheduled');
  });

  it('cancelling the rest of a series ends the roster for the mentors of those sessions only', async () => {
    const { program } = await setting();
    const series = await request(http)
      .post(`/v1/programs/${program.id}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=MO', startTime: '10:00', durationMinutes: 60 })
      .expect(201);
    const ids: string[] = series.body.created.map((s: { id: string }) => s.id);
    await request(http).post(`/v1/programs/${program.id}/publish`).set(bearer(coordinator)).expect(200);
    const mentorOn = async (...sessionIds: string[]) => {
      const user = await createUser(app, 'mentor');
      const mentor = (await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: user.id }).expect(201)).body;
      await request(http)
        .post(`/v1/mentors/${mentor.id}/clearances`)
        .set(bearer(coordinator))
        .send({ kind: 'background_check', status: 'cleared', validFrom: '2027-01-01', expiresOn: '2027-12-31' })
        .expect(201);
      for (const id of sessionIds) await request(http).put(`/v1/sessions/${id}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
      return user;
    };
    const early = await mentorOn(ids[0]);
    const late = await mentorOn(ids[2], ids[4]);
    const roster = (who: { token: string }) => request(http).get(`/v1/programs/${program.id}/enrollments`).set(bearer(who));
    await roster(late).expect(200);
    await request(http).post(`/v1/sessions/${ids[2]}/cancel`).query({ scope: 'following' }).set(bearer(coordinator)).send({ reason: 'Renovation' }).expect(200);
    expect((await roster(late).expect(403)).body.code).toBe('roster-not-yours');
    await roster(early).expect(200);
  });

  it('moves a session and the rest of its series to a new local time, keeping their dates and the earlier ones', async () => {
    const { program } = await setting();
    const series = await request(http)
      .post(`/v1/programs/${program.id}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=MO', startTime: '10:00', durationMinutes: 60 })
      .expect(201);
    const ids: string[] = series.body.created.map((s: { id: string }) => s.id);
    const moved = await request(http)
      .patch(`/v1/sessions/${ids[1]}`)
      .query({ scope: 'following' })
      .set(bearer(coordinator))
      .send({ startsAt: '2027-03-08T11:30:00-05:00', endsAt: '2027-03-08T13:00:00-05:00', topic: 'Functions' })
      .expect(200);
    expect(moved.body.map((s: { id: string }) => s.id)).toEqual(ids.slice(1));
    const rows = await db.query(`SELECT starts_at, ends_at, topic, sequence FROM session WHERE program_id = $1 ORDER BY starts_at`, [program.id]);
    const local = rows.map((r: { starts_at: Date }) => DateTime.fromJSDate(r.starts_at, { zone: 'America/New_York' }).toFormat('MM-dd HH:mm'));
    expect(local).toEqual(['03-01 10:00', '03-08 11:30', '03-15 11:30', '03-22 11:30', '03-29 11:30']);
    expect(rows.map((r: { ends_at: Date; starts_at: Date }) => (r.ends_at.getTime() - r.starts_at.getTime()) / 60_000)).toEqual([60, 90, 90, 90, 90]);
    expect(rows.map((r: { topic: string }) => r.topic)).toEqual(['', 'Functions', 'Functions', 'Functions', 'Functions']);
    expect(rows.map((r: { sequence: number }) => r.sequence)).toEqual([0, 1, 1, 1, 1]);
  });

  it('changes nothing when one of the following sessions would land in a taken room', async () => {
    const { room, program } = await setting();
    const series = await request(http)
      .post(`/v1/programs/${program.id}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '09:00', durationMinutes: 60 })
      .expect(201);
    const blocker = await request(http)
      .post(`/v1/programs/${program.id}/sessions`)
      .set(bearer(coordinator))
      .send({ startsAt: '2027-03-24T09:30:00-04:00', endsAt: '2027-03-24T10:00:00-04:00', roomId: room.id })
      .expect(201);
    const ids: string[] = series.body.created.map((s: { id: string }) => s.id);
    const res = await request(http).patch(`/v1/sessions/${ids[0]}`).query({ scope: 'following' }).set(bearer(coordinator)).send({ roomId: room.id }).expect(409);
    expect(res.body).toMatchObject({ code: 'room-conflict', conflictingSessionId: blocker.body.id });
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM session WHERE series_id = $1 AND room_id IS NOT NULL`, [series.body.seriesId]);
    expect(count).toBe(0);
  });

  it('frees a room when its session is cancelled', async () => {
    const { room, program } = await setting();
    const body = { startsAt: '2027-03-11T16:00:00-05:00', endsAt: '2027-03-11T17:00:00-05:00', roomId: room.id };
    const first = await request(http).post(`/v1/programs/${program.id}/sessions`).set(bearer(coordinator)).send(body).expect(201);
    await request(http).post(`/v1/sessions/${first.body.id}/cancel`).set(bearer(coordinator)).send({ reason: 'Moved' }).expect(200);
    await request(http).post(`/v1/programs/${program.id}/sessions`).set(bearer(coordinator)).send(body).expect(201);
  });
});
