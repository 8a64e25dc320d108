import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startTestApp } from '../support/app';
import { publishedProgram } from '../support/enrollment-factories';
import { bearer, createBranch, createSponsor, createUser, type TestUser } from '../support/identity';
import { registerParticipant, signUpTeen } from '../support/people-factories';

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
});
