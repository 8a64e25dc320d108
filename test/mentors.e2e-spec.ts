import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createUser, type TestUser } from './support/identity';

describe('Mentors and session assignment (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let coordinator: TestUser;
  let programId: string;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const admin = await createUser(app, 'admin');
    const branch = (await request(http).post('/v1/branches').set(bearer(admin)).send({ name: `Mentor branch ${randomUUID().slice(0, 6)}`, timezone: 'America/Chicago' }).expect(201)).body;
    coordinator = await createUser(app, 'coordinator', { branchIds: [branch.id] });
    programId = (
      await request(http)
        .post('/v1/programs')
        .set(bearer(coordinator))
        .send({ branchId: branch.id, title: 'Robots', level: 'beginner', minAge: 12, maxAge: 17, capacity: 20, startsOn: '2027-01-01', endsOn: '2027-06-30' })
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await app.close();
  });

  const session = async (startsAt: string, endsAt: string) =>
    (await request(http).post(`/v1/programs/${programId}/sessions`).set(bearer(coordinator)).send({ startsAt, endsAt }).expect(201)).body.id as string;

  async function clearedMentor(validFrom = '2027-01-01', expiresOn = '2027-12-31') {
    const user = await createUser(app, 'mentor');
    const mentor = (await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: user.id, skills: ['python'] }).expect(201)).body;
    await request(http)
      .post(`/v1/mentors/${mentor.id}/clearances`)
      .set(bearer(coordinator))
      .send({ kind: 'background_check', status: 'cleared', validFrom, expiresOn })
      .expect(201);
    return { user, mentor };
  }

  it('registers only users with the mentor role, once', async () => {
    const teenLike = await createUser(app, 'coordinator');
    const res = await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: teenLike.id }).expect(400);
    expect(res.body.errors[0].field).toBe('userId');
    const user = await createUser(app, 'mentor');
    await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: user.id }).expect(201);
    await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: user.id }).expect(409);
  });

  it('lets exactly one of twenty simultaneous assignments of one mentor to overlapping sessions through', async () => {
    const { mentor } = await clearedMentor();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await session(`2027-02-02T16:${String(i).padStart(2, '0')}:00-06:00`, '2027-02-02T18:00:00-06:00'));
    const results = await Promise.all(ids.map((id) => request(http).put(`/v1/sessions/${id}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    const winner = ids[results.findIndex((r) => r.status === 200)];
    expect(new Set(refused.map((r) => r.body.conflictingSessionId))).toEqual(new Set([winner]));
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM session_mentor WHERE mentor_id = $1`, [mentor.id]);
    expect(count).toBe(1);
  });

  it('refuses a mentor whose clearance expired the day before the session', async () => {
    const { mentor } = await clearedMentor('2026-01-01', '2027-03-08');
    const monday = await session('2027-03-09T16:00:00-06:00', '2027-03-09T17:00:00-06:00');
    const res = await request(http).put(`/v1/sessions/${monday}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'assistant' }).expect(422);
    expect(res.body).toMatchObject({ code: 'mentor-not-cleared', date: '2027-03-09' });
    const sunday = await session('2027-03-08T16:00:00-06:00', '2027-03-08T17:00:00-06:00');
    await request(http).put(`/v1/sessions/${sunday}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'assistant' }).expect(200);
  });

  it('frees the mentor when the session is cancelled or the assignment removed', async () => {
    const { mentor } = await clearedMentor();
    const first = await session('2027-04-06T16:00:00-05:00', '2027-04-06T17:00:00-05:00');
    const second = await session('2027-04-06T16:30:00-05:00', '2027-04-06T17:30:00-05:00');
    await request(http).put(`/v1/sessions/${first}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    await request(http).put(`/v1/sessions/${second}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(409);
    await request(http).post(`/v1/sessions/${first}/cancel`).set(bearer(coordinator)).send({ reason: 'Storm' }).expect(200);
    await request(http).put(`/v1/sessions/${second}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    await request(http).delete(`/v1/sessions/${second}/mentors/${mentor.id}`).set(bearer(coordinator)).expect(204);
    await request(http).delete(`/v1/sessions/${second}/mentors/${mentor.id}`).set(bearer(coordinator)).expect(404);
  });

  it('takes a mentor off a cancelled session (audited); another branch’s coordinator gets a 404', async () => {
    const { mentor } = await clearedMentor();
    const sessionId = await session('2027-04-13T16:00:00-05:00', '2027-04-13T17:00:00-05:00');
    await request(http).put(`/v1/sessions/${sessionId}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    await request(http).post(`/v1/sessions/${sessionId}/cancel`).set(bearer(coordinator)).send({ reason: 'Storm' }).expect(200);
    const stranger = await createUser(app, 'coordinator', { branchIds: [] });
    await request(http).delete(`/v1/sessions/${sessionId}/mentors/${mentor.id}`).set(bearer(stranger)).expect(404);
    await request(http).delete(`/v1/sessions/${sessionId}/mentors/${mentor.id}`).set(bearer(coordinator)).expect(204);
    expect(await db.query(`SELECT 1 FROM session_mentor WHERE session_id = $1`, [sessionId])).toEqual([]);
    const [audit] = await db.query(`SELECT changes FROM audit_event WHERE action = 'session.mentor_removed' AND entity_id = $1`, [sessionId]);
    expect(audit.changes).toEqual({ mentorId: mentor.id });
    // Taking them off does not put them back on the schedule: a cancelled session still takes no one.
    expect((await request(http).put(`/v1/sessions/${sessionId}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(409)).body.code).toBe('session-cancelled');
  });

  it('refuses to move a session onto another of its mentor’s sessions, naming it, and keeps the old time', async () => {
    const { mentor } = await clearedMentor();
    const early = await session('2027-05-04T16:00:00-05:00', '2027-05-04T17:00:00-05:00');
    const late = await session('2027-05-04T18:00:00-05:00', '2027-05-04T19:00:00-05:00');
    for (const id of [early, late]) await request(http).put(`/v1/sessions/${id}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    const res = await request(http)
      .patch(`/v1/sessions/${late}`)
      .set(bearer(coordinator))
      .send({ startsAt: '2027-05-04T16:30:00-05:00', endsAt: '2027-05-04T17:30:00-05:00' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'mentor-conflict', conflictingSessionId: early });
    const [row] = await db.query(`SELECT starts_at FROM session WHERE id = $1`, [late]);
    expect(row.starts_at.toISOString()).toBe('2027-05-04T23:00:00.000Z');
  });

  const recordClearance = (mentorId: string, status: 'cleared' | 'rejected' | 'pending', validFrom: string, expiresOn = '2027-12-31') =>
    request(http).post(`/v1/mentors/${mentorId}/clearances`).set(bearer(coordinator)).send({ kind: 'background_check', status, validFrom, expiresOn }).expect(201);

  it('takes the latest clearance of a kind as its state: a later rejection overrides an earlier clearance, a later clearance the rejection', async () => {
    const { mentor } = await clearedMentor('2027-01-01', '2027-12-31');
    await recordClearance(mentor.id, 'rejected', '2027-03-01');
    await recordClearance(mentor.id, 'cleared', '2027-04-01');
    const before = await session('2027-02-16T16:00:00-06:00', '2027-02-16T17:00:00-06:00');
    const rejected = await session('2027-03-16T16:00:00-05:00', '2027-03-16T17:00:00-05:00');
    const after = await session('2027-04-20T16:00:00-05:00', '2027-04-20T17:00:00-05:00');
    await request(http).put(`/v1/sessions/${before}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    const res = await request(http).put(`/v1/sessions/${rejected}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(422);
    expect(res.body).toMatchObject({ code: 'mentor-not-cleared', mentorId: mentor.id, date: '2027-03-16', kind: 'background_check', clearanceStatus: 'rejected' });
    await request(http).put(`/v1/sessions/${after}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
  });

  it('refuses to move a session to a date its mentor is not cleared on, naming the mentor, and keeps the old time', async () => {
    const { mentor } = await clearedMentor('2027-01-01', '2027-05-31');
    const id = await session('2027-05-25T16:00:00-05:00', '2027-05-25T17:00:00-05:00');
    await request(http).put(`/v1/sessions/${id}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    const res = await request(http)
      .patch(`/v1/sessions/${id}`)
      .set(bearer(coordinator))
      .send({ startsAt: '2027-06-08T16:00:00-05:00', endsAt: '2027-06-08T17:00:00-05:00' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'mentor-not-cleared-on-move', mentorId: mentor.id, sessionId: id, date: '2027-06-08', kind: 'background_check', clearanceStatus: 'expired' });
    const [row] = await db.query(`SELECT starts_at, sequence FROM session WHERE id = $1`, [id]);
    expect(row).toEqual({ starts_at: new Date('2027-05-25T21:00:00.000Z'), sequence: 0 });
  });

  it('refuses to move the rest of a series when a later session’s mentor was rejected since being assigned, changing none of them', async () => {
    const series = await request(http)
      .post(`/v1/programs/${programId}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=FR', startTime: '10:00', durationMinutes: 60, from: '2027-06-04', until: '2027-06-25' })
      .expect(201);
    const ids: string[] = series.body.created.map((s: { id: string }) => s.id);
    const { mentor } = await clearedMentor('2027-01-01', '2027-12-31');
    await request(http).put(`/v1/sessions/${ids[2]}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'assistant' }).expect(200);
    await recordClearance(mentor.id, 'rejected', '2027-06-01');
    const res = await request(http)
      .patch(`/v1/sessions/${ids[0]}`)
      .query({ scope: 'following' })
      .set(bearer(coordinator))
      .send({ startsAt: '2027-06-04T11:00:00-05:00', endsAt: '2027-06-04T12:00:00-05:00' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'mentor-not-cleared-on-move', mentorId: mentor.id, sessionId: ids[2], date: '2027-06-18', clearanceStatus: 'rejected' });
    const rows = await db.query(`SELECT sequence FROM session WHERE series_id = $1`, [series.body.seriesId]);
    expect(rows.map((r: { sequence: number }) => r.sequence)).toEqual([0, 0, 0, 0]);
  });

  it('shows a mentor their own record only', async () => {
    const mine = await clearedMentor();
    const theirs = await clearedMentor();
    const res = await request(http).get(`/v1/mentors/${mine.mentor.id}`).set(bearer(mine.user)).expect(200);
    expect(res.body.clearances).toEqual([expect.objectContaining({ status: 'cleared', expiresOn: '2027-12-31' })]);
    await request(http).get(`/v1/mentors/${theirs.mentor.id}`).set(bearer(mine.user)).expect(404);
    expect((await request(http).get('/v1/me/mentor').set(bearer(mine.user)).expect(200)).body.id).toBe(mine.mentor.id);
    await request(http).get('/v1/me/mentor').set(bearer(await createUser(app, 'mentor'))).expect(404);
  });

  it('lists each mentor with their name and next five sessions, soonest first; a draft program’s only to its branch’s staff', async () => {
    const { mentor } = await clearedMentor();
    const days = ['2027-03-09', '2027-03-02', '2027-03-04', '2027-03-11', '2027-03-16', '2027-03-18', '2027-03-23'];
    const ids = await Promise.all(days.map((day) => session(`${day}T16:00:00-06:00`, `${day}T17:30:00-06:00`)));
    for (const id of ids) await request(http).put(`/v1/sessions/${id}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    await request(http).post(`/v1/sessions/${ids[1]}/cancel`).set(bearer(coordinator)).send({ reason: 'Snow day' }).expect(200);
    const find = async (reader: TestUser) => {
      for (let cursor: string | null | undefined; ; ) {
        const page = (await request(http).get('/v1/mentors').query({ limit: 200, ...(cursor ? { cursor } : {}) }).set(bearer(reader)).expect(200)).body;
        const found = page.items.find((m: { id: string }) => m.id === mentor.id);
        if (found || !page.nextCursor) return found;
        cursor = page.nextCursor;
      }
    };
    const listed = await find(coordinator);
    expect(listed).toMatchObject({ displayName: 'Test mentor', clearances: [expect.objectContaining({ status: 'cleared' })] });
    // The cancelled 2 March is left out; the sixth (23 March) is past the five.
    expect(listed.upcomingSessions.map((s: { startsAt: string }) => s.startsAt.slice(0, 10))).toEqual(['2027-03-04', '2027-03-09', '2027-03-11', '2027-03-16', '2027-03-18']);
    expect(listed.upcomingSessions[0]).toMatchObject({ sessionId: ids[2], programId, programTitle: 'Robots', role: 'lead', timezone: 'America/Chicago' });
    const elsewhere = await createUser(app, 'coordinator', { branchIds: [] });
    expect((await find(elsewhere)).upcomingSessions).toEqual([]);
    expect((await find(await createUser(app, 'admin'))).upcomingSessions).toHaveLength(5);
  });
});
