import { IdempotencyService } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { enrollInTurn, insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createUser, type TestUser } from './support/identity';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('Attendance (HTTP)', () => {
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

  /** A program running from 40 days ago to 60 days ahead (or as given), with its coordinator. */
  const runningProgram = (fields: Record<string, unknown> = {}) =>
    publishedProgram(app, { startsOn: isoDate(Date.now() - 40 * DAY), endsOn: isoDate(Date.now() + 60 * DAY), minAge: 10, maxAge: 19, ...fields });

  /** A session starting `offsetMinutes` from now, written straight into the database (past sessions cannot be scheduled over HTTP). */
  async function session(programId: string, offsetMinutes: number, durationMinutes = 90, status = 'scheduled'): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO session (program_id, starts_at, ends_at, status, cancel_reason)
       VALUES ($1, now() + make_interval(mins => $2), now() + make_interval(mins => $2 + $3), $4, CASE WHEN $4 = 'cancelled' THEN 'Snow day' END) RETURNING id`,
      [programId, offsetMinutes, durationMinutes, status],
    );
    return row.id;
  }

  /** A mentor user with a mentor record, assigned to the sessions given. */
  async function mentorOf(...sessionIds: string[]): Promise<TestUser & { mentorId: string }> {
    const user = await createUser(app, 'mentor');
    const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id) VALUES ($1) RETURNING id`, [user.id]);
    for (const sessionId of sessionIds) {
      await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [sessionId, mentorId]);
    }
    return { ...user, mentorId };
  }

  const rollCall = (who: { token: string }, sessionId: string, body: object) => request(http).put(`/v1/sessions/${sessionId}/attendance`).set(bearer(who)).send(body);
  const backdate = (programId: string, teens: Teen[], daysAgo: number) =>
    db.query(`UPDATE enrollment SET enrolled_at = now() - make_interval(days => $3) WHERE program_id = $1 AND participant_id = ANY($2::uuid[])`, [
      programId,
      teens.map((t) => t.participantId),
      daysAgo,
    ]);

  describe('roll call', () => {
    it('a mentor records 30 teens and themself in one request; a correction is audited with before and after', async () => {
      const { program, coordinator } = await runningProgram({ capacity: 30 });
      const teens = await insertTeens(app, 30);
      await enrollInTurn(app, program.id, teens);
      const sessionId = await session(program.id, -30);
      const mentor = await mentorOf(sessionId);

      const empty = await request(http).get(`/v1/sessions/${sessionId}/attendance`).set(bearer(mentor)).expect(200);
      expect(empty.body.teens).toHaveLength(30);
      expect(empty.body.teens.every((t: { status: unknown; lastInitial: string }) => t.status === null && t.lastInitial === 'N.')).toBe(true);
      expect(empty.body.mentors).toEqual([{ mentorId: mentor.mentorId, displayName: 'Test mentor', role: 'lead', status: null }]);

      const records = teens.map((t, i) => ({ participantId: t.participantId, status: i < 25 ? 'present' : i < 28 ? 'late' : 'absent' }));
      const done = await rollCall(mentor, sessionId, { records, mentors: [{ mentorId: mentor.mentorId, status: 'present' }] }).expect(200);
      const count = (status: string) => done.body.teens.filter((t: { status: string }) => t.status === status).length;
      expect([count('present'), count('late'), count('absent')]).toEqual([25, 3, 2]);
      expect(done.body.mentors[0].status).toBe('present');

      // The coordinator corrects one: it was an excused absence.
      await rollCall(coordinator, sessionId, { records: [{ participantId: teens[29].participantId, status: 'excused', note: 'Doctor' }] }).expect(200);
      const audits = await db.query(`SELECT actor_id, changes FROM audit_event WHERE action = 'attendance.recorded' AND entity_id = $1 ORDER BY at`, [sessionId]);
      expect(audits).toHaveLength(2);
      expect(audits[0].actor_id).toBe(mentor.id);
      expect(audits[0].changes.records).toHaveLength(30);
      expect(audits[1]).toEqual({
        actor_id: coordinator.id,
        changes: { records: [{ participantId: teens[29].participantId, from: { status: 'absent', note: null }, to: { status: 'excused', note: 'Doctor' } }], mentors: [] },
      });
      // Sending the same again changes nothing and adds no audit event.
      await rollCall(coordinator, sessionId, { records: [{ participantId: teens[29].participantId, status: 'excused', note: 'Doctor' }] }).expect(200);
      expect(await db.query(`SELECT 1 FROM audit_event WHERE action = 'attendance.recorded' AND entity_id = $1`, [sessionId])).toHaveLength(2);
    });

    it('one teen without a seat rejects the whole batch, naming them; nothing is written', async () => {
      const { program, coordinator } = await runningProgram({ capacity: 2 });
      const [a, b, waiting] = await insertTeens(app, 3);
      const [stranger] = await insertTeens(app, 1);
      await enrollInTurn(app, program.id, [a, b, waiting]);
      const sessionId = await session(program.id, -30);
      const res = await rollCall(coordinator, sessionId, {
        records: [
          { participantId: a.participantId, status: 'present' },
          { participantId: waiting.participantId, status: 'present' },
          { participantId: b.participantId, status: 'present' },
          { participantId: stranger.participantId, status: 'late' },
        ],
      }).expect(422);
      expect(res.body).toMatchObject({ code: 'not-enrolled', participantIds: [waiting.participantId, stranger.participantId] });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['records[1].participantId', 'records[3].participantId']);
      expect(await db.query(`SELECT 1 FROM attendance WHERE session_id = $1`, [sessionId])).toEqual([]);
    });

    it('refuses a cancelled or future session (409), strangers (403), bad input (400), and the database refuses the same on its own', async () => {
      const { program, coordinator } = await runningProgram();
      const [teen] = await insertTeens(app, 1);
      await enrollInTurn(app, program.id, [teen]);
      const cancelled = await session(program.id, -60, 60, 'cancelled');
      const held = await session(program.id, -30);
      expect((await rollCall(coordinator, cancelled, { records: [{ participantId: teen.participantId, status: 'present' }] }).expect(409)).body.code).toBe('session-cancelled');
      const tomorrow = await session(program.id, 24 * 60);
      expect((await rollCall(coordinator, tomorrow, { records: [{ participantId: teen.participantId, status: 'present' }] }).expect(409)).body.code).toBe('roll-call-not-open');
      const otherMentor = await mentorOf();
      expect((await rollCall(otherMentor, held, { records: [] }).expect(403)).body.code).toBe('not-your-session');
      await rollCall(teen, held, { records: [] }).expect(403);
      const twice = await rollCall(coordinator, held, { records: [0, 1].map(() => ({ participantId: teen.participantId, status: 'present' })) }).expect(400);
      expect(twice.body.errors).toEqual([{ field: 'records[1].participantId', code: 'isUnique', message: 'named twice in this roll call' }]);
      expect((await rollCall(coordinator, held, { records: [{ participantId: teen.participantId, status: 'here' }] }).expect(400)).body.errors[0].field).toBe('records[0].status');
      const [stranger] = await insertTeens(app, 1);
      await expect(db.query(`INSERT INTO attendance (session_id, participant_id, status, method) VALUES ($1, $2, 'present', 'roll_call')`, [held, stranger.participantId])).rejects.toThrow(
        /never held a seat/,
      );
      await expect(db.query(`INSERT INTO attendance (session_id, participant_id, status, method) VALUES ($1, $2, 'present', 'roll_call')`, [cancelled, teen.participantId])).rejects.toThrow(
        /cancelled/,
      );
    });

    it('a mentor of a cancelled session, or of one ended more than 14 days ago, neither reads nor takes its roll call; staff still do', async () => {
      const { program, coordinator } = await runningProgram();
      const [teen] = await insertTeens(app, 1);
      await enrollInTurn(app, program.id, [teen]);
      await backdate(program.id, [teen], 30);
      const day = 24 * 60;
      const old = await session(program.id, -15 * day - 90, 90);
      const recent = await session(program.id, -13 * day - 90, 90);
      const cancelled = await session(program.id, -30);
      const mentor = await mentorOf(old, recent, cancelled);
      await request(http).post(`/v1/sessions/${cancelled}/cancel`).set(bearer(coordinator)).send({ reason: 'Storm' }).expect(200);
      const records = [{ participantId: teen.participantId, status: 'present' }];

      for (const sessionId of [old, cancelled]) {
        expect((await request(http).get(`/v1/sessions/${sessionId}/attendance`).set(bearer(mentor)).expect(403)).body.code).toBe('not-your-session');
        expect((await rollCall(mentor, sessionId, { records }).expect(403)).body.code).toBe('not-your-session');
        await request(http).post(`/v1/sessions/${sessionId}/check-in-code`).set(bearer(mentor)).expect(403);
      }
      await request(http).get(`/v1/sessions/${recent}/attendance`).set(bearer(mentor)).expect(200);
      await rollCall(mentor, recent, { records }).expect(200);
      await rollCall(coordinator, old, { records }).expect(200);
      const recorders = await db.query(`SELECT session_id, recorded_by FROM attendance WHERE session_id = ANY($1::uuid[])`, [[old, recent, cancelled]]);
      expect(new Map(recorders.map((r: { session_id: string; recorded_by: string }) => [r.session_id, r.recorded_by]))).toEqual(
        new Map([
          [old, coordinator.id],
          [recent, mentor.id],
        ]),
      );
    });
  });

  describe('self check-in', () => {
    async function checkInSetting(offsetMinutes: number) {
      const { program } = await runningProgram();
      const [teen, other] = await insertTeens(app, 2);
      await enrollInTurn(app, program.id, [teen]);
      const sessionId = await session(program.id, offsetMinutes);
      const mentor = await mentorOf(sessionId);
      const { code } = (await request(http).post(`/v1/sessions/${sessionId}/check-in-code`).set(bearer(mentor)).expect(201)).body;
      return { teen, other, sessionId, mentor, code: code as string };
    }
    const checkIn = (teen: Teen, sessionId: string, code: string, headers: Record<string, string> = {}) =>
      request(http).post(`/v1/sessions/${sessionId}/check-ins`).set(bearer(teen)).set(headers).send({ code });

    it('inside the window with the current code: present; after the grace period: late; the sheet shows the check-in', async () => {
      const early = await checkInSetting(10); // starts in 10 minutes: check-in opened 5 minutes ago
      const res = await checkIn(early.teen, early.sessionId, early.code).expect(201);
      expect(res.body).toMatchObject({ participantId: early.teen.participantId, status: 'present', method: 'self_check_in', checkedInAt: expect.any(String) });
      const sheet = await request(http).get(`/v1/sessions/${early.sessionId}/attendance`).set(bearer(early.mentor)).expect(200);
      expect(sheet.body.teens[0]).toMatchObject({ status: 'present', method: 'self_check_in' });

      const late = await checkInSetting(-20); // started 20 minutes ago; late after 10
      expect((await checkIn(late.teen, late.sessionId, late.code).expect(201)).body.status).toBe('late');
    });

    it('refuses a wrong code, the window, a teen without a seat; locks after 5 tries; honours Idempotency-Key', async () => {
      const s = await checkInSetting(0);
      const wrong = s.code === '000000' ? '111111' : '000000';
      const notDigits = await checkIn(s.teen, s.sessionId, '12a45').expect(400);
      expect(notDigits.body.errors).toEqual([{ field: 'code', code: 'matches', message: 'code must be the six digits on the mentor’s screen' }]);
      const first = await checkIn(s.teen, s.sessionId, wrong).expect(422);
      expect(first.body).toMatchObject({ code: 'check-in-code-invalid', attemptsLeft: 4, errors: [{ field: 'code', code: 'isCurrentCode', message: expect.any(String) }] });
      expect((await checkIn(s.other, s.sessionId, s.code).expect(422)).body.code).toBe('not-enrolled');

      const key = { 'Idempotency-Key': 'check-in-1' };
      const ok = await checkIn(s.teen, s.sessionId, s.code, key).expect(201);
      const replay = await checkIn(s.teen, s.sessionId, s.code, key).expect(201);
      expect(replay.body).toEqual(ok.body);
      expect(replay.headers['idempotent-replayed']).toBe('true');

      const future = await checkInSetting(60);
      expect((await checkIn(future.teen, future.sessionId, future.code).expect(422)).body.code).toBe('check-in-window-closed');
      const over = await checkInSetting(-120); // a 90-minute session that ended half an hour ago
      expect((await checkIn(over.teen, over.sessionId, over.code).expect(422)).body.code).toBe('check-in-window-closed');

      const guessed = await checkInSetting(0);
      const bad = guessed.code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) await checkIn(guessed.teen, guessed.sessionId, bad).expect(422);
      const locked = await checkIn(guessed.teen, guessed.sessionId, guessed.code).expect(429);
      expect(locked.body.code).toBe('check-in-locked');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    });

    it('a retry after a failure past the check-in’s commit gets the stored 201', async () => {
      const s = await checkInSetting(0);
      const key = { 'Idempotency-Key': 'check-in-after-commit' };
      const fault = jest.spyOn(app.get(IdempotencyService), 'finish').mockRejectedValueOnce(new Error('fault injected after the commit'));
      await checkIn(s.teen, s.sessionId, s.code, key).expect(500);
      fault.mockRestore();
      const retry = await checkIn(s.teen, s.sessionId, s.code, key).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toMatchObject({ participantId: s.teen.participantId, status: 'present', method: 'self_check_in' });
    });

    it('parallel guesses cannot get past the limit', async () => {
      const s = await checkInSetting(0);
      const guesses = Array.from({ length: 30 }, (_, i) => String(100000 + i * 7919).slice(0, 6)).filter((g) => g !== s.code);
      const answers = await Promise.all(guesses.map((g) => checkIn(s.teen, s.sessionId, g)));
      expect(answers.filter((a) => a.status === 422)).toHaveLength(5);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(guesses.length - 5);
    });

    it('a mentor’s earlier “absent” is corrected by a check-in; “excused” is kept', async () => {
      const s = await checkInSetting(0);
      await rollCall(s.mentor, s.sessionId, { records: [{ participantId: s.teen.participantId, status: 'absent' }] }).expect(200);
      expect((await checkIn(s.teen, s.sessionId, s.code).expect(201)).body.status).toBe('present');
      await rollCall(s.mentor, s.sessionId, { records: [{ participantId: s.teen.participantId, status: 'excused' }] }).expect(200);
      expect((await checkIn(s.teen, s.sessionId, s.code).expect(201)).body).toMatchObject({ status: 'excused', method: 'roll_call' });
    });
  });

  describe('rates (rule 7), worked out by hand', () => {
    it('counts only held sessions since each teen enrolled, flags 3 absences in a row, and sums mentor hours', async () => {
      const { program, coordinator } = await runningProgram({ capacity: 10, completionThreshold: 0.75 });
      const [a, b, c] = await insertTeens(app, 3);
      await enrollInTurn(app, program.id, [a, b, c]);
      await backdate(program.id, [a, c], 30);
      await backdate(program.id, [b], 12);
      const day = (d: number) => d * 24 * 60;
      const s1 = await session(program.id, -day(25), 90);
      const s2 = await session(program.id, -day(20), 60);
      const s3 = await session(program.id, -day(15), 90);
      const s4 = await session(program.id, -day(13), 90, 'cancelled');
      const s5 = await session(program.id, -day(10), 90);
      const s6 = await session(program.id, -day(2), 90);
      const s7 = await session(program.id, day(5), 90);
      const mentor = await mentorOf(s1, s2, s3, s4);
      const mark = (sessionId: string, records: [Teen, string][], mentors: object[] = []) =>
        rollCall(coordinator, sessionId, { records: records.map(([t, status]) => ({ participantId: t.participantId, status })), mentors }).expect(200);
      await mark(s1, [[a, 'present'], [c, 'present']], [{ mentorId: mentor.mentorId, status: 'present' }]);
      await mark(s2, [[a, 'late'], [c, 'present']], [{ mentorId: mentor.mentorId, status: 'present' }]);
      // b enrolled 12 days ago, after s3: nobody can mark b there.
      const early = await rollCall(coordinator, s3, { records: [{ participantId: b.participantId, status: 'present' }] }).expect(422);
      expect(early.body.errors).toEqual([{ field: 'records[0].participantId', code: 'isEnrolled', message: expect.stringContaining('enrolled after it') }]);
      await mark(s3, [[a, 'absent'], [c, 'present']], [{ mentorId: mentor.mentorId, status: 'absent' }]);
      await mark(s5, [[a, 'absent'], [b, 'present'], [c, 'present']]);
      await mark(s6, [[b, 'excused'], [c, 'present']]); // a unrecorded
      expect(s4 && s7).toBeTruthy();

      const report = await request(http).get(`/v1/programs/${program.id}/attendance`).set(bearer(coordinator)).expect(200);
      const of = (t: Teen) => report.body.teens.find((r: { participantId: string }) => r.participantId === t.participantId);
      // a: held s1 s2 s3 s5 s6 (s4 cancelled, s7 not yet) = 5; present 1 + late 1 → 2/5; absent s3, s5 and unrecorded s6 since s2 → 3 in a row.
      expect(of(a)).toMatchObject({ sessionsHeld: 5, present: 1, late: 1, absent: 2, excused: 0, unrecorded: 1, rate: 0.4, consecutiveAbsences: 3, flagged: true, completion: 'in_progress' });
      // b enrolled 12 days ago: held s5, s6 = 2; present 1 → 1/2; excused s6 neither counts as absence nor breaks.
      expect(of(b)).toMatchObject({ sessionsHeld: 2, present: 1, late: 0, absent: 0, excused: 1, unrecorded: 0, rate: 0.5, consecutiveAbsences: 0, flagged: false });
      // c: 5 of 5.
      expect(of(c)).toMatchObject({ sessionsHeld: 5, present: 5, rate: 1, consecutiveAbsences: 0, flagged: false, firstName: 'Teen' });
      const counts = (id: string) => report.body.sessions.find((s: { sessionId: string }) => s.sessionId === id);
      expect(counts(s3)).toMatchObject({ held: true, expected: 2, present: 1, absent: 1, unrecorded: 0 });
      expect(counts(s6)).toMatchObject({ held: true, expected: 3, present: 1, excused: 1, unrecorded: 1 });
      expect(counts(s4)).toMatchObject({ status: 'cancelled', held: false });
      expect(counts(s7)).toMatchObject({ held: false, unrecorded: 0 });
      // The sheet's cells: every recorded status, none for a cell nobody recorded (a at s6).
      const cell = (t: Teen, sessionId: string) => report.body.marks.find((m: { participantId: string; sessionId: string }) => m.participantId === t.participantId && m.sessionId === sessionId)?.status;
      expect([cell(a, s1), cell(a, s2), cell(a, s3), cell(a, s5), cell(a, s6), cell(b, s6)]).toEqual(['present', 'late', 'absent', 'absent', undefined, 'excused']);
      expect(report.body.marks).toHaveLength(11);

      // The teen reads their own numbers; another teen gets 404.
      const own = await request(http).get(`/v1/participants/${a.participantId}/attendance`).set(bearer(a)).expect(200);
      expect(own.body.programs).toEqual([expect.objectContaining({ programId: program.id, rate: 0.4, flagged: true })]);
      await request(http).get(`/v1/participants/${a.participantId}/attendance`).set(bearer(b)).expect(404);
      const otherCoordinator = (await runningProgram()).coordinator;
      await request(http).get(`/v1/participants/${a.participantId}/attendance`).set(bearer(otherCoordinator)).expect(404);
      await request(http).get(`/v1/participants/${a.participantId}/attendance`).set(bearer(coordinator)).expect(200);

      // Mentor hours: present at s1 (90 min) and s2 (60 min); absent at s3 → 2.5 hours.
      const hours = await request(http).get(`/v1/mentors/${mentor.mentorId}/hours`).set(bearer(mentor)).expect(200);
      expect(hours.body).toMatchObject({ mentorId: mentor.mentorId, sessions: 2, hours: 2.5, byProgram: [{ programId: program.id, sessions: 2, hours: 2.5 }] });
      const sinceS2 = await request(http).get(`/v1/mentors/${mentor.mentorId}/hours`).query({ from: new Date(Date.now() - 21 * DAY).toISOString() }).set(bearer(coordinator)).expect(200);
      expect(sinceS2.body).toMatchObject({ sessions: 1, hours: 1 });
      await request(http).get(`/v1/mentors/${mentor.mentorId}/hours`).set(bearer(await mentorOf())).expect(404);
    });

    it('completion is decided once the program has ended: rate ≥ threshold', async () => {
      const { program, coordinator } = await runningProgram({ startsOn: isoDate(Date.now() - 30 * DAY), endsOn: isoDate(Date.now() - 2 * DAY), completionThreshold: 0.75 });
      const [done, short] = await insertTeens(app, 2);
      // Enrolled while it ran (the window closes when it ends, so the seats are written as they were then).
      await db.query(`UPDATE program SET enrolled_count = 2 WHERE id = $1`, [program.id]);
      await db.query(
        `INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'self', now() - interval '29 days'`,
        [program.id, [done.participantId, short.participantId]],
      );
      const day = 24 * 60;
      const sessions = [await session(program.id, -20 * day), await session(program.id, -10 * day), await session(program.id, -5 * day), await session(program.id, -3 * day)];
      for (const [i, sessionId] of sessions.entries()) {
        await rollCall(coordinator, sessionId, {
          records: [
            { participantId: done.participantId, status: i === 3 ? 'absent' : 'present' },
            { participantId: short.participantId, status: i < 2 ? 'present' : 'absent' },
          ],
        }).expect(200);
      }
      const report = await request(http).get(`/v1/programs/${program.id}/attendance`).set(bearer(coordinator)).expect(200);
      expect(report.body.ended).toBe(true);
      const of = (t: Teen) => report.body.teens.find((r: { participantId: string }) => r.participantId === t.participantId);
      expect(of(done)).toMatchObject({ rate: 0.75, completion: 'completed' }); // 3/4 = the threshold exactly
      expect(of(short)).toMatchObject({ rate: 0.5, completion: 'not_completed' });
    });
  });
});
