import { UsersService } from '@codeshelf/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp } from './support/app';
import { bearer, createBranch, createUser, PASSWORD, type TestUser, uniqueEmail } from './support/identity';

/** What the public program pages show without a request per program: mentors' first names, each program's next session. */
describe('Public program details (HTTP)', () => {
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

  async function program(overrides: Record<string, unknown> = {}) {
    const res = await request(http)
      .post('/v1/programs')
      .set(bearer(coordinator))
      .send({ branchId, title: `Robots ${randomUUID().slice(0, 6)}`, level: 'beginner', minAge: 12, maxAge: 17, capacity: 20, startsOn: '2027-01-01', endsOn: '2027-06-30', ...overrides })
      .expect(201);
    return res.body.id as string;
  }
  const session = async (programId: string, startsAt: string, endsAt: string) =>
    (await request(http).post(`/v1/programs/${programId}/sessions`).set(bearer(coordinator)).send({ startsAt, endsAt }).expect(201)).body.id as string;
  const publish = (programId: string) => request(http).post(`/v1/programs/${programId}/publish`).set(bearer(coordinator)).expect(200);

  async function mentorNamed(displayName: string) {
    const email = uniqueEmail('mentor');
    const user = await app.get(UsersService).create({ email, password: PASSWORD, role: 'mentor', displayName }, { id: null, kind: 'system' });
    const mentor = (await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: user.id }).expect(201)).body;
    await request(http)
      .post(`/v1/mentors/${mentor.id}/clearances`)
      .set(bearer(coordinator))
      .send({ kind: 'background_check', status: 'cleared', validFrom: '2026-01-01', expiresOn: '2027-12-31' })
      .expect(201);
    return { id: mentor.id as string, email };
  }

  it('shows an anonymous caller the mentors of each session by first name only, lead first', async () => {
    const programId = await program();
    const first = await session(programId, '2027-02-02T16:00:00-06:00', '2027-02-02T17:30:00-06:00');
    await session(programId, '2027-02-09T16:00:00-06:00', '2027-02-09T17:30:00-06:00');
    const lead = await mentorNamed('  María José   Fernández Ruiz');
    const assistant = await mentorNamed('Ben Okafor');
    await request(http).put(`/v1/sessions/${first}/mentors/${assistant.id}`).set(bearer(coordinator)).send({ role: 'assistant' }).expect(200);
    await request(http).put(`/v1/sessions/${first}/mentors/${lead.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);

    await request(http).get(`/v1/programs/${programId}/sessions`).expect(404);
    await publish(programId);
    const res = await request(http).get(`/v1/programs/${programId}/sessions`).expect(200);
    expect(res.body.items.map((s: { mentors: unknown }) => s.mentors)).toEqual([
      [
        { firstName: 'María', role: 'lead' },
        { firstName: 'Ben', role: 'assistant' },
      ],
      [],
    ]);
    const text = JSON.stringify(res.body);
    for (const secret of ['Fernández', 'Ruiz', 'José', 'Okafor', lead.email, assistant.email, lead.id, assistant.id]) expect(text).not.toContain(secret);
  });

  it('gives each catalogue program its next scheduled session in the one list answer', async () => {
    const programId = await program({ level: 'advanced' });
    const cancelled = await session(programId, '2027-03-02T16:00:00-06:00', '2027-03-02T17:30:00-06:00');
    await session(programId, '2027-03-09T16:00:00-06:00', '2027-03-09T17:30:00-06:00');
    await request(http).post(`/v1/sessions/${cancelled}/cancel`).set(bearer(coordinator)).send({ reason: 'Snow day' }).expect(200);
    const empty = await program({ level: 'advanced' });
    await publish(programId);
    await publish(empty);

    const res = await request(http).get('/v1/programs').query({ branchId, level: 'advanced' }).expect(200);
    const byId = new Map(res.body.items.map((p: { id: string; nextSession: unknown }) => [p.id, p.nextSession]));
    expect(byId.get(programId)).toEqual({ startsAt: '2027-03-09T22:00:00.000Z', endsAt: '2027-03-09T23:30:00.000Z' });
    expect(byId.get(empty)).toBeNull();
    expect(res.body.items.every((p: { level: string }) => p.level === 'advanced')).toBe(true);
  });
});
