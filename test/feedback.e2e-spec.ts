import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { backdateEnrollments, enrollInTurn, insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createUser, type TestUser } from './support/identity';

const DAY = 86_400_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('Session feedback (HTTP)', () => {
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

  /** A program running from 40 days ago to 60 days ahead, with `n` teens seated 30 days ago. */
  async function club(n: number, fields: Record<string, unknown> = {}) {
    const made = await publishedProgram(app, { startsOn: isoDate(Date.now() - 40 * DAY), endsOn: isoDate(Date.now() + 60 * DAY), minAge: 10, maxAge: 19, ...fields });
    const teens = await insertTeens(app, n);
    await enrollInTurn(app, made.program.id, teens);
    await backdateEnrollments(app, made.program.id, teens, 30);
    return { ...made, teens };
  }

  /** A session that ends `endedMinutesAgo` minutes ago (negative: still to end), written straight into the database. */
  async function session(programId: string, endedMinutesAgo: number, status = 'scheduled', topic = 'Loops'): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO session (program_id, starts_at, ends_at, status, cancel_reason, topic)
       VALUES ($1, now() - make_interval(mins => $2 + 90), now() - make_interval(mins => $2), $3, CASE WHEN $3 = 'cancelled' THEN 'Snow day' END, $4) RETURNING id`,
      [programId, endedMinutesAgo, status, topic],
    );
    return row.id;
  }

  async function mentorOf(...sessionIds: string[]): Promise<TestUser> {
    const user = await createUser(app, 'mentor');
    const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id) VALUES ($1) RETURNING id`, [user.id]);
    for (const sessionId of sessionIds) {
      await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [sessionId, mentorId]);
    }
    return user;
  }

  const give = (teen: Teen, sessionId: string, body: object) => request(http).post(`/v1/sessions/${sessionId}/feedback`).set(bearer(teen)).send(body);
  const ofSession = (who: { token: string }, sessionId: string) => request(http).get(`/v1/sessions/${sessionId}/feedback`).set(bearer(who));
  const ofProgram = (who: { token: string }, programId: string) => request(http).get(`/v1/programs/${programId}/feedback`).set(bearer(who));
  const rows = (sessionId: string) => db.query(`SELECT participant_id, rating, comment FROM session_feedback WHERE session_id = $1 ORDER BY rating`, [sessionId]);

  describe('giving it', () => {
    it('a seated teen rates an ended session once, and sees it among the sessions they may rate', async () => {
      const { program, teens } = await club(2);
      const sessionId = await session(program.id, 60);
      const before = await request(http).get('/v1/me/feedback').set(bearer(teens[0])).expect(200);
      expect(before.body).toEqual([expect.objectContaining({ sessionId, programId: program.id, topic: 'Loops', rating: null, comment: null, closesAt: expect.any(String) })]);

      const res = await give(teens[0], sessionId, { rating: 4, comment: '  More game jams please  ' }).expect(201);
      expect(res.body).toEqual({ sessionId, rating: 4, comment: 'More game jams please', createdAt: expect.any(String) });
      const after = await request(http).get('/v1/me/feedback').set(bearer(teens[0])).expect(200);
      expect(after.body[0]).toMatchObject({ sessionId, rating: 4, comment: 'More game jams please' });

      const again = await give(teens[0], sessionId, { rating: 1 }).expect(409);
      expect(again.body.code).toBe('feedback-already-given');
      // An empty comment is no comment.
      await give(teens[1], sessionId, { rating: 5, comment: '   ' }).expect(201);
      expect(await rows(sessionId)).toEqual([
        { participant_id: teens[0].participantId, rating: 4, comment: 'More game jams please' },
        { participant_id: teens[1].participantId, rating: 5, comment: null },
      ]);
    });

    it('refuses a teen of another program, a waitlisted teen and one seated after the session (422 not-enrolled)', async () => {
      const { program, teens } = await club(1, { capacity: 2 });
      const sessionId = await session(program.id, 60);
      const [stranger, late, waiting] = await insertTeens(app, 3);
      await enrollInTurn(app, program.id, [late, waiting]);
      expect((await db.query(`SELECT status FROM enrollment WHERE participant_id = $1`, [waiting.participantId]))[0].status).toBe('waitlisted');
      for (const teen of [stranger, late, waiting]) {
        expect((await give(teen, sessionId, { rating: 5 }).expect(422)).body.code).toBe('not-enrolled');
        expect((await request(http).get('/v1/me/feedback').set(bearer(teen)).expect(200)).body).toEqual([]);
      }
      await give(teens[0], sessionId, { rating: 5 }).expect(201);
      expect(await rows(sessionId)).toHaveLength(1);
    });

    it('opens when the session ends and closes 7 days later; a cancelled session takes none; nor does a teen marked absent', async () => {
      const { program, teens } = await club(2);
      const [teen, absentee] = teens;
      const running = await session(program.id, -10);
      const eightDays = await session(program.id, 8 * DAY_MINUTES);
      const sixDays = await session(program.id, 6 * DAY_MINUTES);
      const cancelled = await session(program.id, 60, 'cancelled');
      const held = await session(program.id, 30);
      await db.query(`INSERT INTO attendance (session_id, participant_id, status, method) VALUES ($1, $2, 'absent', 'roll_call')`, [held, absentee.participantId]);

      const notYet = await give(teen, running, { rating: 3 }).expect(422);
      expect(notYet.body).toMatchObject({ code: 'feedback-window-closed', opensAt: expect.any(String), closesAt: expect.any(String) });
      expect((await give(teen, eightDays, { rating: 3 }).expect(422)).body.code).toBe('feedback-window-closed');
      expect((await give(teen, cancelled, { rating: 3 }).expect(409)).body.code).toBe('session-cancelled');
      expect((await give(absentee, held, { rating: 1 }).expect(422)).body.code).toBe('not-at-session');
      await give(teen, sixDays, { rating: 3 }).expect(201);
      await give(teen, held, { rating: 3 }).expect(201);

      const listed = (teen: Teen) => request(http).get('/v1/me/feedback').set(bearer(teen)).expect(200).then((r) => r.body.map((i: { sessionId: string }) => i.sessionId));
      expect(await listed(teen)).toEqual([held, sixDays]);
      expect(await listed(absentee)).toEqual([sixDays]);
      expect(await db.query(`SELECT 1 FROM session_feedback WHERE session_id = ANY($1::uuid[])`, [[running, eightDays, cancelled]])).toEqual([]);
    });

    it('refuses bad input with field codes, and a session of a draft program as not found', async () => {
      const { program, teens, coordinator } = await club(1);
      const sessionId = await session(program.id, 60);
      const cases: [object, string, string][] = [
        [{}, 'rating', 'isInt'],
        [{ rating: 0 }, 'rating', 'min'],
        [{ rating: 6 }, 'rating', 'max'],
        [{ rating: 3.5 }, 'rating', 'isInt'],
        [{ rating: '4' }, 'rating', 'isInt'],
        [{ rating: 4, comment: 'x'.repeat(1001) }, 'comment', 'maxLength'],
        [{ rating: 4, comment: 7 }, 'comment', 'isString'],
        [{ rating: 4, participantId: teens[0].participantId }, 'participantId', 'whitelistValidation'],
      ];
      for (const [body, field, code] of cases) {
        const res = await give(teens[0], sessionId, body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
      }
      await give(teens[0], sessionId, { rating: 4, comment: 'x'.repeat(1000) }).expect(201);
      expect(await rows(sessionId)).toHaveLength(1);

      const draft = await request(http)
        .post('/v1/programs')
        .set(bearer(coordinator))
        .send({ branchId: (await db.query(`SELECT branch_id FROM program WHERE id = $1`, [program.id]))[0].branch_id, title: 'Draft club', level: 'beginner', minAge: 10, maxAge: 19, capacity: 5, startsOn: isoDate(Date.now() - 10 * DAY), endsOn: isoDate(Date.now() + 10 * DAY) })
        .expect(201);
      const draftSession = await session(draft.body.id, 60);
      expect((await give(teens[0], draftSession, { rating: 4 }).expect(404)).body.code).toBe('program-not-found');
      await give(teens[0], '00000000-0000-4000-8000-000000000000', { rating: 4 }).expect(404);
    });

    it('ten tries at once from one teen leave exactly one row: one 201, the rest 409', async () => {
      const { program, teens } = await club(1);
      const sessionId = await session(program.id, 60);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => give(teens[0], sessionId, { rating: (i % 5) + 1 })));
      expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      expect(await rows(sessionId)).toHaveLength(1);
    });

    it('the database itself refuses feedback from a teen without a seat, and at a session not over', async () => {
      const { program, teens } = await club(1);
      const [stranger] = await insertTeens(app, 1);
      const ended = await session(program.id, 60);
      const running = await session(program.id, -10);
      const insert = (sessionId: string, participantId: string) =>
        db.query(`INSERT INTO session_feedback (session_id, participant_id, rating) VALUES ($1, $2, 3)`, [sessionId, participantId]);
      await expect(insert(ended, stranger.participantId)).rejects.toThrow(/held no seat/);
      await expect(insert(running, teens[0].participantId)).rejects.toThrow(/not over/);
      await expect(db.query(`INSERT INTO session_feedback (session_id, participant_id, rating) VALUES ($1, $2, 6)`, [ended, teens[0].participantId])).rejects.toThrow(/rating_check/);
    });
  });

  describe('reading it', () => {
    it('sums ratings and shows comments without names or ids; a session with 2 commenters holds them back, in the program view too', async () => {
      const { program, teens, coordinator } = await club(6);
      const two = await session(program.id, 2 * DAY_MINUTES, 'scheduled', 'Two said something');
      const three = await session(program.id, DAY_MINUTES, 'scheduled', 'Three said something');
      await give(teens[0], two, { rating: 5, comment: 'Secret one' }).expect(201);
      await give(teens[1], two, { rating: 4, comment: 'Secret two' }).expect(201);
      await give(teens[2], two, { rating: 1 }).expect(201);
      for (const [i, teen] of teens.slice(3).entries()) await give(teen, three, { rating: 3 + (i % 2), comment: `Shown ${i}` }).expect(201);

      const held = await ofSession(coordinator, two).expect(200);
      expect(held.body).toMatchObject({ sessionId: two, count: 3, average: 3.33, commentCount: 2, commentsHeldBack: true, comments: [] });
      expect(held.body.distribution).toEqual([1, 0, 0, 1, 1].map((count, i) => ({ rating: i + 1, count })));

      const shown = await ofSession(coordinator, three).expect(200);
      expect(shown.body).toMatchObject({ count: 3, commentCount: 3, commentsHeldBack: false });
      expect(shown.body.comments.map((c: { text: string }) => c.text).sort()).toEqual(['Shown 0', 'Shown 1', 'Shown 2']);
      expect(Object.keys(shown.body.comments[0]).sort()).toEqual(['sessionId', 'sessionStartsAt', 'text']);

      const whole = await ofProgram(coordinator, program.id).expect(200);
      expect(whole.body).toMatchObject({ programId: program.id, count: 6, commentCount: 5, commentsHeldBack: true });
      expect(whole.body.comments.map((c: { text: string; sessionId: string }) => [c.sessionId, c.text]).sort()).toEqual([
        [three, 'Shown 0'],
        [three, 'Shown 1'],
        [three, 'Shown 2'],
      ]);
      expect(whole.body.sessions.map((s: { sessionId: string; count: number }) => [s.sessionId, s.count])).toEqual([
        [two, 3],
        [three, 3],
      ]);
      // Neither view, nor both together, carries what was held back or who anyone is.
      const everything = JSON.stringify([held.body, shown.body, whole.body]);
      expect(everything).not.toMatch(/Secret/);
      for (const teen of teens) expect(everything).not.toContain(teen.participantId);
      expect(everything).not.toMatch(/Teen|Number/);
    });

    it('a mentor reads their session and program; a mentor of another program, a coordinator of another branch get 404; teens and sponsors 403', async () => {
      const { program, teens, coordinator } = await club(1);
      const sessionId = await session(program.id, 60);
      await give(teens[0], sessionId, { rating: 5 }).expect(201);
      const ours = await mentorOf(sessionId);
      const other = await club(0);
      const theirs = await mentorOf(await session(other.program.id, 60));
      const admin = await createUser(app, 'admin');
      const sponsor = await createUser(app, 'sponsor');

      await ofSession(ours, sessionId).expect(200);
      await ofProgram(ours, program.id).expect(200);
      await ofSession(admin, sessionId).expect(200);
      await ofProgram(coordinator, program.id).expect(200);
      for (const stranger of [theirs, other.coordinator]) {
        expect((await ofSession(stranger, sessionId).expect(404)).body.code).toBe('feedback-not-found');
        expect((await ofProgram(stranger, program.id).expect(404)).body.code).toBe('feedback-not-found');
      }
      for (const refused of [sponsor, teens[0]]) {
        await ofSession(refused, sessionId).expect(403);
        await ofProgram(refused, program.id).expect(403);
      }
      expect((await ofSession(admin, '00000000-0000-4000-8000-000000000000').expect(404)).body.code).toBe('feedback-not-found');
    });
  });

  it('erasing a teen deletes their comments; their rating stays in the sums', async () => {
    const { program, teens, coordinator } = await club(4);
    const sessionId = await session(program.id, 60);
    for (const [i, teen] of teens.entries()) await give(teen, sessionId, { rating: 2 + i, comment: `Comment ${i}` }).expect(201);
    const before = (await ofSession(coordinator, sessionId).expect(200)).body;
    expect(before).toMatchObject({ count: 4, average: 3.5, commentCount: 4 });

    const admin = await createUser(app, 'admin');
    await request(http).delete(`/v1/participants/${teens[0].participantId}`).set(bearer(admin)).expect(204);
    expect(await db.query(`SELECT rating, comment FROM session_feedback WHERE participant_id = $1`, [teens[0].participantId])).toEqual([{ rating: 2, comment: null }]);
    const after = (await ofSession(coordinator, sessionId).expect(200)).body;
    expect(after).toMatchObject({ count: 4, average: 3.5, distribution: before.distribution, commentCount: 3, commentsHeldBack: false });
    expect(after.comments.map((c: { text: string }) => c.text).sort()).toEqual(['Comment 1', 'Comment 2', 'Comment 3']);
  });
});
