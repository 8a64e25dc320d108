import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createUser } from './support/identity';

describe('Foundation (HTTP)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers readiness after pinging the database', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('opens database sessions with the configured timeouts', async () => {
    const [settings] = await app
      .get(DataSource)
      .query(
        `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
                current_setting('idle_in_transaction_session_timeout') AS idle, current_setting('application_name') AS name`,
      );
    expect(settings).toEqual({ statement: '15s', lock: '5s', idle: '30s', name: 'codeshelf' });
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const res = await request(app.getHttpServer()).get('/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'not-found', instance: '/v1/no-such-thing' });
  });

  it('answers malformed JSON with a problem+json 400', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/no-such-thing')
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'malformed-json' });
  });

  it('echoes a well-formed X-Request-Id and puts it in the problem', async () => {
    const res = await request(app.getHttpServer()).get('/v1/nothing').set('X-Request-Id', 'trace-42').expect(404);
    expect(res.headers['x-request-id']).toBe('trace-42');
    expect(res.body.requestId).toBe('trace-42');
  });

  it('records the request id on the audit events the request writes, also when requests overlap', async () => {
    const admin = await createUser(app, 'admin');
    const names = Array.from({ length: 5 }, (_, i) => `Traced ${i} ${Date.now()}`);
    await Promise.all(
      names.map((name, i) => request(app.getHttpServer()).post('/v1/branches').set(bearer(admin)).set('X-Request-Id', `audit-trace-${i}`).send({ name, timezone: 'UTC' }).expect(201)),
    );
    const rows = await app.get(DataSource).query(`SELECT changes->>'name' AS name, request_id FROM audit_event WHERE action = 'branch.created' AND changes->>'name' = ANY($1)`, [names]);
    expect(rows.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual(names.map((name, i) => ({ name, request_id: `audit-trace-${i}` })));
  });

  it('replaces a hostile X-Request-Id with a fresh one', async () => {
    const res = await request(app.getHttpServer()).get('/v1/nothing').set('X-Request-Id', `a b;${'x'.repeat(200)}`).expect(404);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names an unknown body field in a 400 (no mass assignment)', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/auth/login')
      .send({ email: 'teen@test.codeshelf.invalid', password: 'whatever-long', role: 'admin' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'role', message: 'role is not an accepted field' }] });
  });

  it('names a field of the wrong type in a 400', async () => {
    const res = await request(app.getHttpServer()).post('/v1/auth/login').send({ email: 42, password: 'whatever-long' }).expect(400);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(res.body.errors.map(() => 'email'));
  });

  it('answers a body over the limit with a problem+json 413', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(413);
  });

  it('answers an unsupported content type with a problem+json 415', async () => {
    const res = await request(app.getHttpServer()).post('/v1/auth/login').set('Content-Type', 'application/xml').send('<login/>').expect(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves a valid OpenAPI 3 document', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json').expect(200);
    const document = await SwaggerParser.validate(res.body);
    expect(document.info.title).toBe('Codeshelf API');
    expect(Object.keys(document.paths ?? {})).toEqual(expect.arrayContaining(['/health/ready', '/v1/auth/login', '/v1/me']));
  });

  it('serves the Swagger UI at /docs', async () => {
    const res = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });
});
