import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startTestApp } from '../support/app';
import { bearer, createBranch, createSponsor, createUser, type TestUser } from '../support/identity';

/** Inputs the fuzz test found answered with a 500 or outside problem+json, each pinned down. */
describe('Bad input the fuzz test found', () => {
  let app: NestFastifyApplication;
  let admin: TestUser;
  let branchId: string;
  let sponsorId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await createUser(app, 'admin');
    branchId = await createBranch(app);
    sponsorId = await createSponsor(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const fieldsOf = (res: request.Response) => (res.body.errors as { field: string }[]).map((e) => e.field);

  it('answers 400 naming the field to a decimal written in exponent form (class-validator threw on 1e-7)', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const internship = await request(app.getHttpServer())
      .post('/v1/internships')
      .set(bearer(admin))
      .send({ sponsorId, title: 'Intern', slots: 1, minAttendanceRate: 1e-7, opensAt: `${year}-01-01T00:00:00Z`, closesAt: `${year}-02-01T00:00:00Z` })
      .expect(400);
    expect(fieldsOf(internship)).toEqual(['minAttendanceRate']);
    const program = await request(app.getHttpServer())
      .post('/v1/programs')
      .set(bearer(admin))
      .send({ branchId, title: 'Club', level: 'beginner', minAge: 13, maxAge: 17, capacity: 5, startsOn: `${year}-02-01`, endsOn: `${year}-03-01`, completionThreshold: 8e-323 })
      .expect(400);
    expect(new Set(fieldsOf(program))).toEqual(new Set(['completionThreshold']));
  });

  it('answers 400 naming the field to a NUL or an unpaired surrogate (isEmail threw on one)', async () => {
    const participant = await request(app.getHttpServer())
      .post('/v1/participants')
      .set(bearer(admin))
      .set('Content-Type', 'application/json')
      .send('{"firstName":"Ada","lastName":"L\\u0000","birthDate":"2012-01-01","guardianName":"G","guardianEmail":"\\ud800@x.org"}')
      .expect(400);
    expect(fieldsOf(participant).sort()).toEqual(['guardianEmail', 'lastName']);
    const login = await request(app.getHttpServer())
      .post('/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":"\\udc00@x.org","password":"p"}')
      .expect(400);
    expect(fieldsOf(login)).toEqual(['email']);
  });

  it('answers a request whose headers are too large (a huge query string) with 431 problem+json', async () => {
    const res = await request(app.getHttpServer()).get(`/v1/branches?q=${'x'.repeat(20_000)}`).expect(431);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.text)).toMatchObject({ status: 431, code: 'headers-too-large', type: 'urn:codeshelf:problem:headers-too-large' });
  });

  it('answers a path segment too long for the router, or a URL with bad percent-encoding, in problem+json', async () => {
    const long = await request(app.getHttpServer()).get(`/v1/consents/${'x'.repeat(150)}`).expect(414);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(long.text)).toMatchObject({ status: 414, code: 'uri-too-long' });
    const badUrl = await request(app.getHttpServer()).get('/v1/branches/%E0%A4%A').expect(400);
    expect(badUrl.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(badUrl.text)).toMatchObject({ status: 400, code: 'bad-url' });
  });

  it('refuses a date-time longer than the 40 characters the document allows, naming the field', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const res = await request(app.getHttpServer())
      .post('/v1/internships')
      .set(bearer(admin))
      .send({ sponsorId, title: 'Intern', slots: 1, opensAt: `${year}-01-01T10:00:00.0000000000000000000001+01:00`, closesAt: `${year}-02-01T00:00:00Z` })
      .expect(400);
    expect(fieldsOf(res)).toEqual(['opensAt']);
  });

  it('answers 400 naming the body when it is a JSON array instead of an object', async () => {
    const http = app.getHttpServer();
    const login = await request(http).post('/v1/auth/login').send([null]).expect(400);
    expect(fieldsOf(login)).toEqual(['body']);
    const branch = await request(http).post('/v1/branches').set(bearer(admin)).send([null]).expect(400);
    expect(fieldsOf(branch).every((field) => typeof field === 'string' && field.length > 0)).toBe(true);
    const participant = await request(http).patch(`/v1/participants/${admin.id}`).set(bearer(admin)).send([null]).expect(400);
    expect(fieldsOf(participant)).toEqual(['body']);
  });

  it('names a field whose name is empty', async () => {
    const res = await request(app.getHttpServer()).post('/v1/branches').set(bearer(admin)).send({ '': 1, name: 'Branch', timezone: 'UTC' }).expect(400);
    expect(fieldsOf(res)).toEqual(['""']);
  });
});
