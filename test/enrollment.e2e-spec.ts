import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { enrollInTurn, insertTeens, publishedProgram, seatState } from './support/enrollment-factories';
import { bearer, createBranch, createUser, type TestUser } from './support/identity';
import { birthDateForAge, registerParticipant, signUpTeen } from './support/people-factories';

describe('Enrollment (HTTP)', () => {
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

  const enroll = (who: { token: string }, programId: string, body?: object) => {
    const req = request(http).post(`/v1/programs/${programId}/enrollments`).set(bearer(who));
    return body ? req.send(body) : req;
  };

  /** Another published program at the coordinator's branch. */
  const programAt = async (coordinator: TestUser, branchId: string, fields: Record<string, unknown> = {}) => {
    const year = new Date().getUTCFullYear() + 1;
    const created = await request(http)
      .post('/v1/programs')
      .set(bearer(coordinator))
      .send({ branchId, title: `Club ${randomUUID().slice(0, 6)}`, level: 'beginner', minAge: 13, maxAge: 17, capacity: 30, startsOn: `${year}-02-01`, endsOn: `${year}-05-31`, ...fields })
      .expect(201);
    return (await request(http).post(`/v1/programs/${created.body.id}/publish`).set(bearer(coordinator)).expect(200)).body as { id: string };
  };

  /** A problem answer without what differs from one request to the next: the id asked about and the request's id. */
  const shape = (res: { status: number; body: Record<string, unknown> }, id: string) => {
    const { requestId: _, ...body } = res.body;
    return { status: res.status, body: JSON.parse(JSON.stringify(body).split(id).join('<id>')) };
  };

  describe('eligibility (rule 3)', () => {
    it('a teen enrolls themself and gets a seat; a coordinator enrolls a teen they registered', async () => {
      const { program, coordinator, branchId } = await publishedProgram(app);
      const [teen] = await insertTeens(app, 1);
      const res = await enroll(teen, program.id).set('X-Request-Id', 'enroll-audit-1').expect(201);
      expect(res.body).toMatchObject({ programId: program.id, participantId: teen.participantId, status: 'enrolled', waitlistPosition: null, source: 'self' });
      // The same statement wrote the teen's message and the audit event.
      const [message] = await db.query(`SELECT topic, payload FROM outbox_message WHERE payload->>'enrollmentId' = $1`, [res.body.id]);
      expect(message).toEqual({ topic: 'enrollment.enrolled', payload: { enrollmentId: res.body.id, programId: program.id, participantId: teen.participantId, status: 'enrolled', waitlistPosition: null } });
      const [audit] = await db.query(`SELECT actor_id, actor_kind, action, request_id FROM audit_event WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual({ actor_id: teen.userId, actor_kind: 'user', action: 'enrollment.created', request_id: 'enroll-audit-1' });
      const walkIn = await registerParticipant(app, coordinator, { homeBranchId: branchId, birthDate: birthDateForAge(19) });
      const staffed = await enroll(coordinator, program.id, { participantId: walkIn.id });
      // 19 is above maxAge 17: the coordinator gets the same rules as the teen.
      expect(staffed.status).toBe(422);
      expect(staffed.body.code).toBe('age-not-eligible');
      const fifteen = await registerParticipant(app, coordinator, { homeBranchId: branchId, birthDate: birthDateForAge(15) });
      await db.query(`UPDATE participant SET consent_status = 'granted', consent_granted_at = now() WHERE id = $1`, [fifteen.id]);
      expect((await enroll(coordinator, program.id, { participantId: fifteen.id }).expect(201)).body).toMatchObject({ status: 'enrolled', source: 'coordinator' });
    });

    it('refuses each broken rule with its own problem code, and writes nothing', async () => {
      const year = new Date().getUTCFullYear() + 1;
      const [teen] = await insertTeens(app, 1, { birthDate: `${year - 15}-01-15` });
      const codeFor = async (fields: Record<string, unknown>, who: { token: string } = teen) => {
        const { program } = await publishedProgram(app, fields);
        const res = await enroll(who, program.id);
        if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        return [res.status, res.body.code];
      };
      expect(await codeFor({ enrollmentOpensAt: new Date(Date.now() + 86_400_000).toISOString() })).toEqual([422, 'enrollment-window-closed']);
      expect(await codeFor({ enrollmentClosesAt: new Date(Date.now() - 60_000).toISOString(), enrollmentOpensAt: new Date(Date.now() - 86_400_000).toISOString() })).toEqual([
        422,
        'enrollment-window-closed',
      ]);
      // 15 on 1 February next year: outside 16–17 and 13–14, inside 15–15.
      expect(await codeFor({ minAge: 16, maxAge: 17 })).toEqual([422, 'age-not-eligible']);
      expect(await codeFor({ minAge: 13, maxAge: 14 })).toEqual([422, 'age-not-eligible']);
      expect(await codeFor({ minAge: 15, maxAge: 15 })).toEqual([201, undefined]);
      const [pending] = await insertTeens(app, 1, { consentStatus: 'pending' });
      expect(await codeFor({}, pending)).toEqual([422, 'guardian-consent-required']);
      const [revoked] = await insertTeens(app, 1, { consentStatus: 'revoked' });
      expect(await codeFor({}, revoked)).toEqual([422, 'guardian-consent-required']);
      // An adult (age of majority 18) needs no guardian.
      const [adult] = await insertTeens(app, 1, { birthDate: birthDateForAge(19), consentStatus: 'pending' });
      expect(await codeFor({ maxAge: 21 }, adult)).toEqual([201, undefined]);
      const refused = await db.query(`SELECT count(*)::int AS n FROM enrollment WHERE participant_id = ANY($1)`, [[pending.participantId, revoked.participantId]]);
      expect(refused[0].n).toBe(0);
    });

    it('a signed-up minor waits for the guardian’s consent', async () => {
      const { program } = await publishedProgram(app);
      const teen = await signUpTeen(app);
      expect((await enroll(teen, program.id).expect(422)).body).toMatchObject({ code: 'guardian-consent-required', consentStatus: 'pending' });
    });

    it('drafts: a teen cannot see them (404); staff are told it is not published (422)', async () => {
      const { program, coordinator, branchId } = await publishedProgram(app);
      const [teen] = await insertTeens(app, 1);
      await db.query(`UPDATE participant SET home_branch_id = $2 WHERE id = $1`, [teen.participantId, branchId]);
      await request(http).post(`/v1/programs/${program.id}/archive`).set(bearer(coordinator)).expect(200);
      expect((await enroll(teen, program.id).expect(404)).body.code).toBe('program-not-found');
      expect((await enroll(coordinator, program.id, { participantId: teen.participantId }).expect(422)).body.code).toBe('program-not-published');
    });

    it('a second attempt is a 409 naming the first enrollment; after withdrawing the teen may enroll again', async () => {
      const { program } = await publishedProgram(app);
      const [teen] = await insertTeens(app, 1);
      const first = (await enroll(teen, program.id).expect(201)).body;
      const again = await enroll(teen, program.id).expect(409);
      expect(again.body).toMatchObject({ code: 'already-enrolled', enrollmentId: first.id, enrollmentStatus: 'enrolled' });
      await request(http).post(`/v1/enrollments/${first.id}/withdraw`).set(bearer(teen)).expect(200);
      expect((await enroll(teen, program.id).expect(201)).body.id).not.toBe(first.id);
    });

    it('a coordinator enrolls only teens of their branches: another branch’s teen gets the 404 of an unknown id, with no age or consent in it', async () => {
      const { program, coordinator, branchId } = await publishedProgram(app);
      const elsewhere = await createBranch(app);
      const admin = await createUser(app, 'admin');
      // Of branch B: one who could enroll here, one too old, one whose guardian has not answered.
      const eligible = await registerParticipant(app, admin, { homeBranchId: elsewhere, birthDate: birthDateForAge(15) });
      await db.query(`UPDATE participant SET consent_status = 'granted', consent_granted_at = now() WHERE id = $1`, [eligible.id]);
      const tooOld = await registerParticipant(app, admin, { homeBranchId: elsewhere, birthDate: birthDateForAge(19) });
      const pending = await registerParticipant(app, admin, { homeBranchId: elsewhere, birthDate: birthDateForAge(15) });
      const unknown = randomUUID();
      const forUnknown = shape(await enroll(coordinator, program.id, { participantId: unknown }), unknown);
      expect(forUnknown).toMatchObject({ status: 404, body: { code: 'participant-not-found' } });
      for (const teen of [eligible, tooOld, pending]) {
        expect(shape(await enroll(coordinator, program.id, { participantId: teen.id }), teen.id)).toEqual(forUnknown);
      }
      const roster = await request(http).get(`/v1/programs/${program.id}/enrollments`).set(bearer(coordinator)).expect(200);
      expect(roster.body.items).toEqual([]);
      // A teen with no home branch but a place in one of the coordinator's programs is theirs: enrolled elsewhere at the
      // branch, and told why not, details included.
      const [walkIn] = await insertTeens(app, 1);
      await enroll(walkIn, program.id).expect(201);
      const second = await programAt(coordinator, branchId);
      expect((await enroll(coordinator, second.id, { participantId: walkIn.participantId }).expect(201)).body.source).toBe('coordinator');
      const older = await programAt(coordinator, branchId, { minAge: 17, maxAge: 19 });
      expect((await enroll(coordinator, older.id, { participantId: walkIn.participantId }).expect(422)).body).toMatchObject({ code: 'age-not-eligible', ageOnStart: expect.any(Number) });
      // An admin acts on every teen.
      await enroll(admin, program.id, { participantId: eligible.id }).expect(201);
    });

    it('who may enroll whom: a teen only themself (403), a coordinator only at their branches (403), staff must name the teen (400)', async () => {
      const { program, coordinator } = await publishedProgram(app);
      const other = await publishedProgram(app);
      const [teen, someoneElse] = await insertTeens(app, 2);
      expect((await enroll(teen, program.id, { participantId: someoneElse.participantId }).expect(403)).body.code).toBe('enroll-self-only');
      await enroll(teen, program.id, { participantId: teen.participantId }).expect(201);
      expect((await enroll(other.coordinator, program.id, { participantId: someoneElse.participantId }).expect(403)).body.code).toBe('branch-not-yours');
      expect((await enroll(coordinator, program.id).expect(400)).body.errors).toEqual([{ field: 'participantId', code: 'isDefined', message: expect.any(String) }]);
      expect((await enroll(coordinator, program.id, { participantId: '00000000-0000-4000-8000-000000000000' }).expect(404)).body.code).toBe('participant-not-found');
      expect((await enroll(coordinator, program.id, { participantId: 'nope' }).expect(400)).body.errors[0].field).toBe('participantId');
      expect((await enroll(coordinator, program.id, { participantId: teen.participantId, status: 'enrolled' }).expect(400)).body.errors[0].field).toBe('status');
    });
  });

  describe('seats and the waitlist (rules 1 and 2)', () => {
    it('full without a waitlist is a 409 program-full; with one, FIFO places', async () => {
      const closed = await publishedProgram(app, { capacity: 1, waitlistEnabled: false });
      const [a, b, c] = await insertTeens(app, 3);
      await enroll(a, closed.program.id).expect(201);
      expect((await enroll(b, closed.program.id).expect(409)).body).toMatchObject({ code: 'program-full', capacity: 1 });
      // Full, but this teen holds the seat: the answer names their enrollment, not the lack of room.
      expect((await enroll(a, closed.program.id).expect(409)).body).toMatchObject({ code: 'already-enrolled' });
      const open = await publishedProgram(app, { capacity: 1 });
      expect((await enrollInTurn(app, open.program.id, [a, b, c])).map((e) => [e.status, e.waitlistPosition])).toEqual([
        ['enrolled', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
    });

    it('withdrawing a seat promotes the first in line in the same transaction; leaving the line closes it up', async () => {
      const { program } = await publishedProgram(app, { capacity: 2 });
      const teens = await insertTeens(app, 6);
      const made = await enrollInTurn(app, program.id, teens); // 2 seats, places 1..4
      await request(http).post(`/v1/enrollments/${made[3].id}/withdraw`).set(bearer(teens[3])).expect(200); // place 2 leaves
      let state = await seatState(app, program.id);
      expect(state.waitlisted.map((r) => [r.participant_id, r.waitlist_position])).toEqual([
        [teens[2].participantId, 1],
        [teens[4].participantId, 2],
        [teens[5].participantId, 3],
      ]);
      const out = await request(http).post(`/v1/enrollments/${made[0].id}/withdraw`).set(bearer(teens[0])).expect(200);
      expect(out.body).toMatchObject({ status: 'withdrawn', waitlistPosition: null });
      state = await seatState(app, program.id);
      expect(state.enrolled.map((r) => r.participant_id).sort()).toEqual([teens[1].participantId, teens[2].participantId].sort());
      expect(state.positions).toEqual([1, 2]);
      expect([state.enrolledCount, state.waitlistedCount]).toEqual([2, 2]);
      const promoted = await request(http).get(`/v1/enrollments/${made[2].id}`).set(bearer(teens[2])).expect(200);
      expect(promoted.body).toMatchObject({ status: 'enrolled', waitlistPosition: null, enrolledAt: expect.any(String) });
      const [message] = await db.query(`SELECT payload FROM outbox_message WHERE topic = 'enrollment.promoted' AND payload->>'enrollmentId' = $1`, [made[2].id]);
      expect(message.payload).toMatchObject({ participantId: teens[2].participantId, programId: program.id });
      // Withdrawing twice is a conflict.
      expect((await request(http).post(`/v1/enrollments/${made[0].id}/withdraw`).set(bearer(teens[0])).expect(409)).body.code).toBe('enrollment-status-conflict');
    });

    it('raising the capacity promotes as many as the new seats; lowering it below the enrolled is a 409', async () => {
      const { program, coordinator } = await publishedProgram(app, { capacity: 2 });
      const teens = await insertTeens(app, 6);
      await enrollInTurn(app, program.id, teens);
      const raised = await request(http).patch(`/v1/programs/${program.id}`).set(bearer(coordinator)).send({ capacity: 5 }).expect(200);
      expect(raised.body).toMatchObject({ capacity: 5, enrolledCount: 5, waitlistedCount: 1, seatsLeft: 0 });
      const state = await seatState(app, program.id);
      expect(state.waitlisted.map((r) => [r.participant_id, r.waitlist_position])).toEqual([[teens[5].participantId, 1]]);
      const lowered = await request(http).patch(`/v1/programs/${program.id}`).set(bearer(coordinator)).send({ capacity: 4 }).expect(409);
      expect(lowered.body).toMatchObject({ code: 'capacity-below-enrolled', enrolledCount: 5 });
      expect((await seatState(app, program.id)).capacity).toBe(5);
    });

    it('a coordinator moves a waitlisted teen to the front with the reason, audited; a teen cannot; no reason is a 400', async () => {
      const { program, coordinator } = await publishedProgram(app, { capacity: 1 });
      const teens = await insertTeens(app, 4);
      const made = await enrollInTurn(app, program.id, teens); // seat, places 1..3
      const because = { reason: '  Sibling already in the club ' };
      await request(http).post(`/v1/enrollments/${made[3].id}/prioritize`).set(bearer(teens[3])).send(because).expect(403);
      const unexplained = await request(http).post(`/v1/enrollments/${made[3].id}/prioritize`).set(bearer(coordinator)).send({ reason: ' ' }).expect(400);
      expect(unexplained.body.errors[0].field).toBe('reason');
      expect((await seatState(app, program.id)).waitlisted.map((r) => r.participant_id)).toEqual([teens[1], teens[2], teens[3]].map((t) => t.participantId));
      const moved = await request(http).post(`/v1/enrollments/${made[3].id}/prioritize`).set(bearer(coordinator)).send(because).expect(200);
      expect(moved.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      const state = await seatState(app, program.id);
      expect(state.waitlisted.map((r) => r.participant_id)).toEqual([teens[3], teens[1], teens[2]].map((t) => t.participantId));
      const [audit] = await db.query(`SELECT actor_id, changes FROM audit_event WHERE action = 'enrollment.prioritized' AND entity_id = $1`, [made[3].id]);
      expect(audit).toEqual({ actor_id: coordinator.id, changes: { waitlistPosition: { from: 3, to: 1 }, reason: 'Sibling already in the club' } });
      expect((await request(http).post(`/v1/enrollments/${made[0].id}/prioritize`).set(bearer(coordinator)).send(because).expect(409)).body.code).toBe('enrollment-status-conflict');
    });

    it('the database refuses an oversold program and counters that disagree with the rows', async () => {
      const { program } = await publishedProgram(app, { capacity: 1 });
      const [a, b] = await insertTeens(app, 2);
      await enroll(a, program.id).expect(201);
      await expect(db.query(`UPDATE program SET enrolled_count = 2 WHERE id = $1`, [program.id])).rejects.toThrow(/program_enrolled_within_capacity/);
      // A row written past the counters (a check-then-insert) fails at commit.
      await expect(
        db.query(`INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) VALUES ($1, $2, 'enrolled', 'self', now())`, [program.id, b.participantId]),
      ).rejects.toThrow(/disagree/);
      await expect(
        db.query(`INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) VALUES ($1, $2, 'enrolled', 'self', now())`, [program.id, a.participantId]),
      ).rejects.toThrow(/enrollment_one_active/);
      expect((await seatState(app, program.id)).enrolled).toHaveLength(1);
    });
  });

  describe('reads', () => {
    it('the roster: full for the branch’s staff, first name and initial for the program’s mentors, refused to others; filtered by status', async () => {
      const { program, coordinator } = await publishedProgram(app, { capacity: 1 });
      const teens = await insertTeens(app, 2);
      await enrollInTurn(app, program.id, teens);
      const staff = await request(http).get(`/v1/programs/${program.id}/enrollments`).set(bearer(coordinator)).expect(200);
      expect(staff.body.items).toHaveLength(2);
      expect(staff.body.items[0].participant).toMatchObject({ firstName: 'Teen', lastName: expect.stringMatching(/^Number/), lastInitial: 'N.', birthDate: expect.any(String), guardianEmail: expect.any(String) });
      const waitlist = await request(http).get(`/v1/programs/${program.id}/enrollments`).query({ status: 'waitlisted' }).set(bearer(coordinator)).expect(200);
      expect(waitlist.body.items.map((e: { participantId: string }) => e.participantId)).toEqual([teens[1].participantId]);

      const mentorUser = await createUser(app, 'mentor');
      await request(http).get(`/v1/programs/${program.id}/enrollments`).set(bearer(mentorUser)).expect(403);
      const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id) VALUES ($1) RETURNING id`, [mentorUser.id]);
      const [{ id: sessionId }] = await db.query(
        `INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, now() + interval '30 days', now() + interval '30 days 90 minutes') RETURNING id`,
        [program.id],
      );
      await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [sessionId, mentorId]);
      const mentorView = await request(http).get(`/v1/programs/${program.id}/enrollments`).set(bearer(mentorUser)).expect(200);
      expect(Object.keys(mentorView.body.items[0].participant).sort()).toEqual(['firstName', 'id', 'lastInitial']);
      expect(JSON.stringify(mentorView.body)).not.toMatch(/birthDate|guardian|Number/);

      const other = await createUser(app, 'coordinator', { branchIds: [(await publishedProgram(app)).branchId] });
      expect((await request(http).get(`/v1/programs/${program.id}/enrollments`).set(bearer(other)).expect(403)).body.code).toBe('roster-not-yours');
      const [audit] = await db.query(`SELECT changes FROM audit_event WHERE action = 'participant.viewed' AND changes->>'programId' = $1 ORDER BY at LIMIT 1`, [program.id]);
      expect(audit.changes).toMatchObject({ via: 'roster:staff', ids: expect.arrayContaining([teens[0].participantId]) });
    });

    it('a mentor reads the seated teens only, and only while assigned to a scheduled session of the program ended at most 14 days ago', async () => {
      const { program, coordinator } = await publishedProgram(app, { capacity: 1 });
      const [seated, waiting] = await insertTeens(app, 2);
      await enrollInTurn(app, program.id, [seated, waiting]);
      const mentorUser = await createUser(app, 'mentor');
      const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id) VALUES ($1) RETURNING id`, [mentorUser.id]);
      /** A session of the program ending `endsInDays` from now, with our mentor on it. */
      const mentored = async (endsInDays: number) => {
        const [{ id }] = await db.query(
          `INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, now() + make_interval(days => $2) - interval '90 minutes', now() + make_interval(days => $2)) RETURNING id`,
          [program.id, endsInDays],
        );
        await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [id, mentorId]);
        return id as string;
      };
      const roster = (status?: string) => request(http).get(`/v1/programs/${program.id}/enrollments`).query(status ? { status } : {}).set(bearer(mentorUser));
      const refused = async () => expect((await roster().expect(403)).body.code).toBe('roster-not-yours');

      await mentored(-15);
      await refused();
      const recent = await mentored(-13);
      expect((await roster().expect(200)).body.items.map((e: { participantId: string }) => e.participantId)).toEqual([seated.participantId]);
      expect((await roster('waitlisted').expect(200)).body.items).toEqual([]);
      await request(http).post(`/v1/sessions/${recent}/cancel`).set(bearer(coordinator)).send({ reason: 'Snow day' }).expect(200);
      await refused();
      const next = await mentored(7);
      await roster().expect(200);
      await request(http).delete(`/v1/sessions/${next}/mentors/${mentorId}`).set(bearer(coordinator)).expect(204);
      await refused();
      // Staff still see everyone, the waitlist included.
      const staff = await request(http).get(`/v1/programs/${program.id}/enrollments`).query({ status: 'waitlisted' }).set(bearer(coordinator)).expect(200);
      expect(staff.body.items.map((e: { participantId: string }) => e.participantId)).toEqual([waiting.participantId]);
    });

    it('the roster as CSV: seats, then the waitlist in order, a formula-like name kept as text; a mentor gets names only', async () => {
      const { program, coordinator } = await publishedProgram(app, { capacity: 1 });
      const teens = await insertTeens(app, 3);
      await db.query(`UPDATE participant SET last_name = '=HYPERLINK("x"), Jr' WHERE id = $1`, [teens[2].participantId]);
      const made = await enrollInTurn(app, program.id, teens); // seat, places 1..2
      await request(http).post(`/v1/enrollments/${made[2].id}/prioritize`).set(bearer(coordinator)).send({ reason: 'Staff child' }).expect(200);
      const url = `/v1/programs/${program.id}/enrollments`;
      const answer = await request(http).get(url).set(bearer(coordinator)).set('Accept', 'text/csv').expect(200);
      expect(answer.headers['content-type']).toMatch(/^text\/csv/);
      expect(answer.headers['content-disposition']).toContain(`codeshelf-roster-${program.id}.csv`);
      const rows: Record<string, string>[] = parse(answer.text, { columns: true });
      expect(rows.map((r) => [r.status, r.waitlistPosition, r.lastName])).toEqual([
        ['enrolled', '', 'Number 1'],
        ['waitlisted', '1', `'=HYPERLINK("x"), Jr`],
        ['waitlisted', '2', 'Number 2'],
      ]);
      expect(rows[0]).toMatchObject({ firstName: 'Teen', consentStatus: 'granted', guardianEmail: expect.stringContaining('@'), source: 'self' });
      // ?format=csv is the same answer, for a plain download link; the status filter still applies.
      const seated = parse((await request(http).get(url).query({ format: 'csv', status: 'enrolled' }).set(bearer(coordinator)).expect(200)).text, { columns: true });
      expect(seated).toHaveLength(1);

      const mentorUser = await createUser(app, 'mentor');
      const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id) VALUES ($1) RETURNING id`, [mentorUser.id]);
      await db.query(
        `INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, now() + interval '30 days', now() + interval '30 days 90 minutes')`,
        [program.id],
      );
      await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE program_id = $1`, [program.id, mentorId]);
      const forMentor: Record<string, string>[] = parse((await request(http).get(url).query({ format: 'csv' }).set(bearer(mentorUser)).expect(200)).text, { columns: true });
      expect(forMentor.map((r) => [r.status, r.firstName, r.lastName, r.birthDate, r.guardianEmail])).toEqual([['enrolled', 'Teen', 'N.', '', '']]);
    });

    it('the roster shows staff the whole record only of the teens they act on: one who withdrew and lives elsewhere is first name and initial', async () => {
      const { program, coordinator } = await publishedProgram(app);
      const [stays, leaves] = await insertTeens(app, 2);
      const [, left] = await enrollInTurn(app, program.id, [stays, leaves]);
      await request(http).post(`/v1/enrollments/${left.id}/withdraw`).set(bearer(leaves)).expect(200);
      const byTeen = async (who: { token: string }) => {
        const res = await request(http).get(`/v1/programs/${program.id}/enrollments`).set(bearer(who)).expect(200);
        return new Map(res.body.items.map((e: { participantId: string; participant: object }) => [e.participantId, e.participant]));
      };
      const staff = await byTeen(coordinator);
      expect(staff.get(stays.participantId)).toMatchObject({ birthDate: expect.any(String), guardianEmail: expect.any(String) });
      expect(Object.keys(staff.get(leaves.participantId)!).sort()).toEqual(['firstName', 'id', 'lastInitial']);
      expect((await byTeen(await createUser(app, 'admin'))).get(leaves.participantId)).toMatchObject({ birthDate: expect.any(String) });
    });

    it('one enrollment: its teen and the branch’s staff; another teen gets a 404', async () => {
      const { program, coordinator } = await publishedProgram(app);
      const [teen, stranger] = await insertTeens(app, 2);
      const made = (await enroll(teen, program.id).expect(201)).body;
      await request(http).get(`/v1/enrollments/${made.id}`).set(bearer(teen)).expect(200);
      await request(http).get(`/v1/enrollments/${made.id}`).set(bearer(coordinator)).expect(200);
      expect((await request(http).get(`/v1/enrollments/${made.id}`).set(bearer(stranger)).expect(404)).body.code).toBe('enrollment-not-found');
      await request(http).post(`/v1/enrollments/${made.id}/withdraw`).set(bearer(stranger)).expect(404);
      const otherStaff = await publishedProgram(app);
      await request(http).get(`/v1/enrollments/${made.id}`).set(bearer(otherStaff.coordinator)).expect(404);
    });

    it('a teen’s enrollments, schedule and calendar feed hold the programs they have a seat in', async () => {
      const seat = await publishedProgram(app, { capacity: 1 });
      const line = await publishedProgram(app, { capacity: 1 });
      const [teen, blocker] = await insertTeens(app, 2);
      await enroll(blocker, line.program.id).expect(201);
      await enroll(teen, seat.program.id).expect(201);
      await enroll(teen, line.program.id).expect(201); // waitlisted
      const mine = await request(http).get('/v1/me/enrollments').set(bearer(teen)).expect(200);
      expect(mine.body.items.map((e: { status: string; program: { title: string } }) => [e.status, e.program.title])).toEqual([
        ['enrolled', seat.program.title],
        ['waitlisted', line.program.title],
      ]);
      for (const { program, coordinator } of [seat, line]) {
        await request(http)
          .post(`/v1/programs/${program.id}/sessions`)
          .set(bearer(coordinator))
          .send({ startsAt: `${String(program.startsOn)}T16:00:00-06:00`, endsAt: `${String(program.startsOn)}T17:30:00-06:00`, topic: 'Kickoff' })
          .expect(201);
      }
      const schedule = await request(http).get('/v1/me/schedule').set(bearer(teen)).expect(200);
      expect(schedule.body.items.map((s: { programTitle: string; as: string }) => [s.programTitle, s.as])).toEqual([[seat.program.title, 'participant']]);
      expect(schedule.body.items[0]).toMatchObject({ timezone: 'America/Chicago', status: 'scheduled', topic: 'Kickoff' });
      const { url } = (await request(http).post('/v1/me/calendar-token').set(bearer(teen)).expect(201)).body;
      const feed = await request(http).get(new URL(url).pathname + new URL(url).search).expect(200);
      const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.map((e) => e.summary)).toEqual([`${seat.program.title}: Kickoff`]);
      expect(events[0].startDate.toString()).toBe(`${String(seat.program.startsOn)}T16:00:00`);
    });
  });

  it('GET /v1/sessions/{id} shows the mentor-to-teen ratio and flags more than 10 teens per mentor', async () => {
    const { program, coordinator } = await publishedProgram(app, { capacity: 30 });
    const session = (
      await request(http)
        .post(`/v1/programs/${program.id}/sessions`)
        .set(bearer(coordinator))
        .send({ startsAt: `${String(program.startsOn)}T16:00:00-06:00`, endsAt: `${String(program.startsOn)}T17:30:00-06:00` })
        .expect(201)
    ).body;
    await enrollInTurn(app, program.id, await insertTeens(app, 11));
    const staffing = async () => (await request(http).get(`/v1/sessions/${session.id}`).expect(200)).body.staffing;
    expect(await staffing()).toEqual({ mentors: 0, enrolledTeens: 11, teensPerMentor: null, overRatio: true });
    const mentorUser = await createUser(app, 'mentor');
    const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id) VALUES ($1) RETURNING id`, [mentorUser.id]);
    await db.query(`INSERT INTO mentor_clearance (mentor_id, kind, status, valid_from, expires_on) VALUES ($1, 'background_check', 'cleared', '2000-01-01', '2100-01-01')`, [mentorId]);
    await request(http).put(`/v1/sessions/${session.id}/mentors/${mentorId}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
    expect(await staffing()).toEqual({ mentors: 1, enrolledTeens: 11, teensPerMentor: 11, overRatio: true });
    const [first] = await db.query(`SELECT id FROM enrollment WHERE program_id = $1 AND status = 'enrolled' LIMIT 1`, [program.id]);
    await request(http).post(`/v1/enrollments/${first.id}/withdraw`).set(bearer(coordinator)).expect(200);
    expect(await staffing()).toEqual({ mentors: 1, enrolledTeens: 10, teensPerMentor: 10, overRatio: false });
  });
});
