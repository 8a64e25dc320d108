import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startTestApp } from '../support/app';
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
