import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { publishedProgram } from '../support/enrollment-factories';
import { bearer, createBranch, createSponsor, createUser, type TestUser } from '../support/identity';
import { birthDateForAge, registerParticipant, signUpTeen } from '../support/people-factories';

/**
 * The second half of the matrix: a principal of the same role as an object's owner, but not its
 * owner, is refused (404 where existence is private, 403 where it is public), on every owned route.
 */
describe('Ownership (a second principal of the same role)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  interface Probe {
    route: string;
    method: 'get' | 'post' | 'put' | 'patch' | 'delete';
    path: string;
    body?: object;
    as: { token: string };
    expected: number;
  }

  const run = async (probes: Probe[]) => {
    const failures: string[] = [];
    for (const probe of probes) {
      const req = request(app.getHttpServer())[probe.method](probe.path).set(bearer(probe.as));
      const { status } = probe.body ? await req.send(probe.body) : await req;
      if (status !== probe.expected) failures.push(`${probe.route} → ${status}, expected ${probe.expected}`);
    }
    return failures;
  };

  it('keeps a teen out of another teen’s record', async () => {
    const [mine, theirs] = await Promise.all([signUpTeen(app), signUpTeen(app)]);
    const me = { token: mine.token };
    const failures = await run([
      { route: 'GET /v1/participants/{id}', method: 'get', path: `/v1/participants/${theirs.participantId}`, as: me, expected: 404 },
      { route: 'PATCH /v1/participants/{id}', method: 'patch', path: `/v1/participants/${theirs.participantId}`, body: { school: 'X' }, as: me, expected: 404 },
    ]);
    expect(failures).toEqual([]);
  });

  it('keeps a coordinator out of another branch’s participants', async () => {
    const [north, south] = await Promise.all([createBranch(app), createBranch(app)]);
    const owner: TestUser = await createUser(app, 'coordinator', { branchIds: [north] });
    const other: TestUser = await createUser(app, 'coordinator', { branchIds: [south] });
    const teen = await registerParticipant(app, owner, { homeBranchId: north });
    const failures = await run([
      { route: 'GET /v1/participants/{id}', method: 'get', path: `/v1/participants/${teen.id}`, as: other, expected: 404 },
      { route: 'PATCH /v1/participants/{id}', method: 'patch', path: `/v1/participants/${teen.id}`, body: { school: 'X' }, as: other, expected: 404 },
      {
        route: 'PUT /v1/participants/{id}/consent',
        method: 'put',
        path: `/v1/participants/${teen.id}/consent`,
        body: { status: 'granted', guardianName: 'G' },
        as: other,
        expected: 404,
      },
    ]);
    expect(failures).toEqual([]);
    const list = await request(app.getHttpServer()).get('/v1/participants').set(bearer(other)).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(teen.id);
  });

  it('answers a coordinator naming another branch’s teen on every route exactly as it answers an unknown id', async () => {
    const db = app.get(DataSource);
    // The attacker runs branch A: a published program there, with a session under way (roll call is open).
    const club = await publishedProgram(app, { startsOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), minAge: 10, maxAge: 19 });
    const attacker = club.coordinator;
    const [{ id: sessionId }] = await db.query(
      `INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, now() - interval '10 minutes', now() + interval '80 minutes') RETURNING id`,
      [club.program.id],
    );
    // The victim is a teen of branch B, a minor whose guardian has not answered: the attacker would learn age and consent.
    const b = await publishedProgram(app);
    const victim = await registerParticipant(app, b.coordinator, { homeBranchId: b.branchId, birthDate: birthDateForAge(12) });
    const unknown = randomUUID();
    // Roll call answers anyone without a seat in the session's program with its 422, an unknown id included.
    const routes: { route: string; method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: (id: string) => string; body?: (id: string) => object; expected: number }[] = [
      { route: 'POST /v1/programs/{id}/enrollments', method: 'post', path: () => `/v1/programs/${club.program.id}/enrollments`, body: (id) => ({ participantId: id }), expected: 404 },
      { route: 'GET /v1/participants/{id}', method: 'get', path: (id) => `/v1/participants/${id}`, expected: 404 },
      { route: 'PATCH /v1/participants/{id}', method: 'patch', path: (id) => `/v1/participants/${id}`, body: () => ({ school: 'Attacker High' }), expected: 404 },
      { route: 'PUT /v1/participants/{id}/consent', method: 'put', path: (id) => `/v1/participants/${id}/consent`, body: () => ({ status: 'granted', guardianName: 'Forged' }), expected: 404 },
      { route: 'GET /v1/participants/{id}/attendance', method: 'get', path: (id) => `/v1/participants/${id}/attendance`, expected: 404 },
      {
        route: 'PUT /v1/sessions/{id}/attendance',
        method: 'put',
        path: () => `/v1/sessions/${sessionId}/attendance`,
        body: (id) => ({ records: [{ participantId: id, status: 'present' }] }),
        expected: 422,
      },
      { route: 'DELETE /v1/participants/{id}', method: 'delete', path: (id) => `/v1/participants/${id}`, expected: 404 },
    ];
    const ask = async (probe: (typeof routes)[number], id: string) => {
      const req = request(app.getHttpServer())[probe.method](probe.path(id)).set(bearer(attacker));
      const res = probe.body ? await req.send(probe.body(id)) : await req;
      // The id asked about (and the request's own id) are all the two answers may differ in.
      const { requestId: _, ...body } = res.body;
      return { status: res.status, body: JSON.parse(JSON.stringify(body).split(id).join('<id>')) };
    };
    const leaks: string[] = [];
    for (const probe of routes) {
      const [forVictim, forUnknown] = [await ask(probe, victim.id), await ask(probe, unknown)];
      if (forVictim.status !== probe.expected) leaks.push(`${probe.route}: ${forVictim.status}, expected ${probe.expected}`);
      if (JSON.stringify(forVictim) !== JSON.stringify(forUnknown)) leaks.push(`${probe.route}: ${JSON.stringify(forVictim)} ≠ ${JSON.stringify(forUnknown)}`);
    }
    expect(leaks).toEqual([]);
    // Nothing was written: the teen is still B's, unenrolled, unerased, pending, with no attendance.
    const [row] = await db.query(`SELECT school, consent_status, erased_at FROM participant WHERE id = $1`, [victim.id]);
    expect(row).toEqual({ school: null, consent_status: 'pending', erased_at: null });
    expect(await db.query(`SELECT id FROM enrollment WHERE participant_id = $1 UNION ALL SELECT session_id FROM attendance WHERE participant_id = $1`, [victim.id])).toEqual([]);
    await request(app.getHttpServer()).get(`/v1/participants/${victim.id}`).set(bearer(b.coordinator)).expect(200);
  });

  it('keeps a sponsor user out of another sponsor’s API keys', async () => {
    const [mine, theirs] = await Promise.all([createSponsor(app), createSponsor(app)]);
    const owner = await createUser(app, 'sponsor', { sponsorId: theirs });
    const other = await createUser(app, 'sponsor', { sponsorId: mine });
    const key = await request(app.getHttpServer()).post(`/v1/sponsors/${theirs}/api-keys`).set(bearer(owner)).send({ name: 'theirs' }).expect(201);
    const failures = await run([
      { route: 'GET /v1/sponsors/{sponsorId}/api-keys', method: 'get', path: `/v1/sponsors/${theirs}/api-keys`, as: other, expected: 404 },
      { route: 'POST /v1/sponsors/{sponsorId}/api-keys', method: 'post', path: `/v1/sponsors/${theirs}/api-keys`, body: { name: 'x' }, as: other, expected: 404 },
      {
        route: 'DELETE /v1/sponsors/{sponsorId}/api-keys/{keyId}',
        method: 'delete',
        path: `/v1/sponsors/${theirs}/api-keys/${key.body.id}`,
        as: other,
        expected: 404,
      },
    ]);
    expect(failures).toEqual([]);
    await request(app.getHttpServer()).get('/v1/me').set('X-API-Key', key.body.key).expect(200);
  });

  it('keeps a mentor whose session was cancelled out of the roster and the roll call the mentor of a scheduled one reads', async () => {
    const http = app.getHttpServer();
    const { program, coordinator } = await publishedProgram(app);
    const year = Number(String(program.startsOn).slice(0, 4));
    const session = async (day: string) =>
      (await request(http).post(`/v1/programs/${program.id}/sessions`).set(bearer(coordinator)).send({ startsAt: `${year}-03-${day}T16:00:00-05:00`, endsAt: `${year}-03-${day}T17:30:00-05:00` }).expect(201))
        .body.id as string;
    const assigned = async (sessionId: string) => {
      const user = await createUser(app, 'mentor');
      const mentor = (await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: user.id }).expect(201)).body;
      await request(http)
        .post(`/v1/mentors/${mentor.id}/clearances`)
        .set(bearer(coordinator))
        .send({ kind: 'background_check', status: 'cleared', validFrom: `${year}-01-01`, expiresOn: `${year}-12-31` })
        .expect(201);
      await request(http).put(`/v1/sessions/${sessionId}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);
      return user;
    };
    const [held, called] = [await session('10'), await session('17')];
    const owner = await assigned(held);
    const other = await assigned(called);
    await request(http).post(`/v1/sessions/${called}/cancel`).set(bearer(coordinator)).send({ reason: 'Storm' }).expect(200);
    const failures = await run([
      { route: 'GET /v1/programs/{id}/enrollments', method: 'get', path: `/v1/programs/${program.id}/enrollments`, as: owner, expected: 200 },
      { route: 'GET /v1/sessions/{id}/attendance', method: 'get', path: `/v1/sessions/${held}/attendance`, as: owner, expected: 200 },
      { route: 'GET /v1/programs/{id}/enrollments', method: 'get', path: `/v1/programs/${program.id}/enrollments`, as: other, expected: 403 },
      { route: 'GET /v1/sessions/{id}/attendance', method: 'get', path: `/v1/sessions/${called}/attendance`, as: other, expected: 403 },
      { route: 'PUT /v1/sessions/{id}/attendance', method: 'put', path: `/v1/sessions/${called}/attendance`, body: { records: [] }, as: other, expected: 403 },
      { route: 'POST /v1/sessions/{id}/check-in-code', method: 'post', path: `/v1/sessions/${called}/check-in-code`, as: other, expected: 403 },
    ]);
    expect(failures).toEqual([]);
  });

  it('keeps a coordinator out of the applications of another branch’s teens, and every coordinator out of the sponsor’s steps', async () => {
    const http = app.getHttpServer();
    const [north, south] = await Promise.all([createBranch(app), createBranch(app)]);
    const owner = await createUser(app, 'coordinator', { branchIds: [north] });
    const other = await createUser(app, 'coordinator', { branchIds: [south] });
    const sponsor = await createUser(app, 'sponsor', { sponsorId: await createSponsor(app) });
    const teen = await signUpTeen(app);
    await request(http).patch(`/v1/participants/${teen.participantId}`).set(bearer(await createUser(app, 'admin'))).send({ homeBranchId: north }).expect(200);
    const window = { opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() };
    const internship = (await request(http).post('/v1/internships').set(bearer(sponsor)).send({ title: 'Intern', slots: 1, ...window }).expect(201)).body;
    await request(http).post(`/v1/internships/${internship.id}/open`).set(bearer(sponsor)).expect(200);
    const application = (await request(http).post(`/v1/internships/${internship.id}/applications`).set(bearer(teen)).send({ statement: 'Hi', shareProfile: false }).expect(201)).body;

    const seenBy = async (who: TestUser) => (await request(http).get(`/v1/internships/${internship.id}/applications`).set(bearer(who)).expect(200)).body.items.map((i: { id: string }) => i.id);
    expect(await seenBy(owner)).toEqual([application.id]);
    expect(await seenBy(other)).toEqual([]);
    const failures = await run(
      [owner, other].map((as) => ({ route: 'PATCH /v1/applications/{id}', method: 'patch' as const, path: `/v1/applications/${application.id}`, body: { status: 'shortlisted' }, as, expected: 403 })),
    );
    expect(failures).toEqual([]);
  });
});
