import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createUser, type TestUser } from './support/identity';
import { enrollInTurn, insertTeens, publishedProgram } from './support/enrollment-factories';
import { consentRequestsOf, registerParticipant } from './support/people-factories';

/** The routes the coordinator's console reads: series preview, a week's sessions, conflicts named, resend, soon-expiring clearances. */
describe('Coordinator console routes (HTTP)', () => {
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

  /** A Chicago branch with a room and a closure, its coordinator, and a draft program there in March 2027. */
  async function setting() {
    const admin = await createUser(app, 'admin');
    const branch = (await request(http).post('/v1/branches').set(bearer(admin)).send({ name: `Chi ${randomUUID().slice(0, 6)}`, timezone: 'America/Chicago' }).expect(201)).body;
    const coordinator = await createUser(app, 'coordinator', { branchIds: [branch.id] });
    const room = (await request(http).post(`/v1/branches/${branch.id}/rooms`).set(bearer(coordinator)).send({ name: 'Lab', seats: 20 }).expect(201)).body;
    await request(http).post(`/v1/branches/${branch.id}/closures`).set(bearer(coordinator)).send({ date: '2027-03-17', reason: 'Staff day' }).expect(201);
    const program = async (title: string) =>
      (
        await request(http)
          .post('/v1/programs')
          .set(bearer(coordinator))
          .send({ branchId: branch.id, title, level: 'beginner', minAge: 13, maxAge: 17, capacity: 20, startsOn: '2027-03-01', endsOn: '2027-03-31' })
          .expect(201)
      ).body;
    return { admin, branch, coordinator, room, program };
  }

  async function clearedMentor(coordinator: TestUser, expiresOn = '2027-12-31') {
    const user = await createUser(app, 'mentor');
    const mentor = (await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: user.id }).expect(201)).body;
    await request(http)
      .post(`/v1/mentors/${mentor.id}/clearances`)
      .set(bearer(coordinator))
      .send({ kind: 'background_check', status: 'cleared', validFrom: '2026-01-01', expiresOn })
      .expect(201);
    return mentor as { id: string; displayName: string };
  }

  it('previews exactly what saving the series makes — closure and taken room skipped — and keeps nothing', async () => {
    const { coordinator, room, program } = await setting();
    const other = await program('Other club');
    const blocker = (
      await request(http)
        .post(`/v1/programs/${other.id}/sessions`)
        .set(bearer(coordinator))
        .send({ startsAt: '2027-03-10T16:30:00-06:00', endsAt: '2027-03-10T17:00:00-06:00', roomId: room.id })
        .expect(201)
    ).body;
    const club = await program('Scratch club');
    const rule = { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '16:00', durationMinutes: 90, roomId: room.id };
    const preview = (await request(http).post(`/v1/programs/${club.id}/series/preview`).set(bearer(coordinator)).send(rule).expect(200)).body;
    expect(preview.skipped).toEqual([
      { date: '2027-03-10', reason: 'room already booked', conflictingSessionId: blocker.id },
      { date: '2027-03-17', reason: 'branch closed: Staff day' },
    ]);
    // 16:00 in Chicago on both sides of the 14 March change: UTC-6, then UTC-5.
    expect(preview.sessions.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2027-03-03T22:00:00.000Z', '2027-03-24T21:00:00.000Z', '2027-03-31T21:00:00.000Z']);
    const [{ sessions, series }] = await db.query(
      `SELECT (SELECT count(*)::int FROM session WHERE program_id = $1) AS sessions, (SELECT count(*)::int FROM session_series WHERE program_id = $1) AS series`,
      [club.id],
    );
    expect({ sessions, series }).toEqual({ sessions: 0, series: 0 });
    const saved = (await request(http).post(`/v1/programs/${club.id}/series`).set(bearer(coordinator)).send(rule).expect(201)).body;
    expect(saved.skipped).toEqual(preview.skipped);
    expect(saved.created.map((s: { startsAt: string }) => s.startsAt)).toEqual(preview.sessions.map((s: { startsAt: string }) => s.startsAt));
  });

  it('refuses a preview for another branch’s coordinator, and a rule with both until and count', async () => {
    const { program } = await setting();
    const club = await program('Club');
    const stranger = await createUser(app, 'coordinator', { branchIds: [(await setting()).branch.id] });
    const rule = { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '16:00', durationMinutes: 60 };
    await request(http).post(`/v1/programs/${club.id}/series/preview`).set(bearer(stranger)).send(rule).expect(404);
    const res = await request(http).post(`/v1/programs/${club.id}/series/preview`).set(bearer(stranger)).send({ ...rule, until: '2027-03-20', count: 2 }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'count', code: 'untilOrCount', message: 'send until or count, not both' }]);
  });

  it('names the other session’s program and start when a mentor is double-booked, and lists a session’s mentors by name', async () => {
    const { coordinator, program } = await setting();
    const mentor = await clearedMentor(coordinator);
    const [first, second] = [await program('Robotics'), await program('Web makers')];
    const add = async (programId: string) =>
      (await request(http).post(`/v1/programs/${programId}/sessions`).set(bearer(coordinator)).send({ startsAt: '2027-03-10T16:00:00-06:00', endsAt: '2027-03-10T17:30:00-06:00' }).expect(201))
        .body.id as string;
    const [taken, wanted] = [await add(first.id), await add(second.id)];
    await request(http).put(`/v1/sessions/${taken}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    const res = await request(http).put(`/v1/sessions/${wanted}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(409);
    expect(res.body).toMatchObject({ code: 'mentor-conflict', conflictingSessionId: taken, conflictingProgramTitle: 'Robotics', conflictingStartsAt: '2027-03-10T22:00:00.000Z' });
    expect(res.body.detail).toContain('“Robotics”');
    const onSession = (await request(http).get(`/v1/sessions/${taken}/mentors`).set(bearer(coordinator)).expect(200)).body;
    expect(onSession).toEqual([{ sessionId: taken, mentorId: mentor.id, role: 'lead', displayName: 'Test mentor' }]);
  });

  it('lists the sessions of a week at the coordinator’s branches with program, room and mentors, and refuses another branch', async () => {
    const { admin, branch, coordinator, room, program } = await setting();
    const club = await program('Week club');
    const mentor = await clearedMentor(coordinator);
    const at = (startsAt: string, endsAt: string) =>
      request(http).post(`/v1/programs/${club.id}/sessions`).set(bearer(coordinator)).send({ startsAt, endsAt, roomId: room.id }).expect(201);
    const inWeek = (await at('2027-03-09T16:00:00-06:00', '2027-03-09T17:00:00-06:00')).body;
    await at('2027-03-16T16:00:00-05:00', '2027-03-16T17:00:00-05:00');
    await request(http).put(`/v1/sessions/${inWeek.id}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    const week = { from: '2027-03-08T00:00:00-06:00', to: '2027-03-15T00:00:00-05:00' };
    const res = await request(http).get('/v1/sessions').query(week).set(bearer(coordinator)).expect(200);
    expect(res.body.items.map((s: Record<string, unknown>) => [s.id, s.programTitle, s.roomName, s.mentorNames, s.branchId])).toEqual([
      [inWeek.id, 'Week club', 'Lab', ['Test mentor'], branch.id],
    ]);
    const elsewhere = await createUser(app, 'coordinator', { branchIds: [] });
    expect((await request(http).get('/v1/sessions').query(week).set(bearer(elsewhere)).expect(200)).body.items).toEqual([]);
    await request(http).get('/v1/sessions').query({ ...week, branchId: branch.id }).set(bearer(elsewhere)).expect(403);
    expect((await request(http).get('/v1/sessions').query({ ...week, branchId: branch.id }).set(bearer(admin)).expect(200)).body.items).toHaveLength(1);
    await request(http).get('/v1/sessions').query({ from: week.to, to: week.from }).set(bearer(coordinator)).expect(400);
  });

  it('lets the staff of a pending minor’s branch mail the guardian again, and nobody else', async () => {
    const { branch, coordinator } = await setting();
    const teen = await registerParticipant(app, coordinator, { homeBranchId: branch.id });
    const stranger = await createUser(app, 'coordinator', { branchIds: [(await setting()).branch.id] });
    await request(http).post(`/v1/participants/${teen.id}/consent-request`).set(bearer(stranger)).expect(404);
    const res = await request(http).post(`/v1/participants/${teen.id}/consent-request`).set(bearer(coordinator)).expect(202);
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await consentRequestsOf(app, teen.id)).toHaveLength(2);
    await request(http).put(`/v1/participants/${teen.id}/consent`).set(bearer(coordinator)).send({ status: 'granted', guardianName: 'Walter Murray' }).expect(200);
    expect((await request(http).post(`/v1/participants/${teen.id}/consent-request`).set(bearer(coordinator)).expect(409)).body.code).toBe('consent-not-pending');
  });

  it('finds the mentors whose clearance runs out by a date, and not the others', async () => {
    const { coordinator } = await setting();
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const by = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const expiring = await clearedMentor(coordinator, soon);
    const fine = await clearedMentor(coordinator, '2030-01-01');
    const ids: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await request(http).get('/v1/mentors').query({ clearanceExpiresBy: by, limit: 200, ...(cursor ? { cursor } : {}) }).set(bearer(coordinator)).expect(200)).body;
      ids.push(...page.items.map((m: { id: string }) => m.id));
      cursor = page.nextCursor;
    }
    expect(ids).toContain(expiring.id);
    expect(ids).not.toContain(fine.id);
  });

  it('flags the teens with three absences in a row in the running programs of the caller’s branches, and only there', async () => {
    const day = 86_400_000;
    const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const { branchId, coordinator, program } = await publishedProgram(app, { startsOn: isoDate(Date.now() - 40 * day), endsOn: isoDate(Date.now() + 60 * day), minAge: 10, maxAge: 19 });
    const [missing, coming] = await insertTeens(app, 2);
    await enrollInTurn(app, program.id, [missing, coming]);
    await db.query(`UPDATE enrollment SET enrolled_at = now() - interval '30 days' WHERE program_id = $1`, [program.id]);
    for (const weeksAgo of [3, 2, 1]) {
      const [{ id }] = await db.query(
        `INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, now() - make_interval(days => $2), now() - make_interval(days => $2) + interval '90 minutes') RETURNING id`,
        [program.id, weeksAgo * 7],
      );
      await request(http)
        .put(`/v1/sessions/${id}/attendance`)
        .set(bearer(coordinator))
        .send({ records: [{ participantId: missing.participantId, status: 'absent' }, { participantId: coming.participantId, status: weeksAgo === 2 ? 'absent' : 'present' }] })
        .expect(200);
    }
    const res = await request(http).get('/v1/attendance/flagged').set(bearer(coordinator)).expect(200);
    expect(res.body.map((f: Record<string, unknown>) => [f.participantId, f.programId, f.consecutiveAbsences, f.flagged])).toEqual([[missing.participantId, program.id, 3, true]]);
    const stranger = await createUser(app, 'coordinator', { branchIds: [] });
    expect((await request(http).get('/v1/attendance/flagged').set(bearer(stranger)).expect(200)).body).toEqual([]);
    await request(http).get('/v1/attendance/flagged').query({ branchId }).set(bearer(stranger)).expect(403);
  });
});
