import { TransactionService } from '@codeshelf/core';
import { UsersService } from '@codeshelf/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp } from '../support/app';
import { bearer, createBranch, createSponsor, createUser, login, PASSWORD, uniqueEmail } from '../support/identity';
import { MATRIX, PRINCIPALS, type PrincipalName } from './matrix';

interface Route {
  method: string;
  path: string;
  key: string;
}

type Credentials = Record<string, string>;

describe('Authorization matrix (every route the app registers)', () => {
  let app: NestFastifyApplication;
  let routes: Route[];
  const principals = {} as Record<PrincipalName, Credentials>;

  beforeAll(async () => {
    app = await startTestApp();
    const doc = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}` })),
    );
    const branchId = await createBranch(app);
    const sponsorId = await createSponsor(app);
    principals.admin = bearer(await createUser(app, 'admin'));
    principals.coordinator = bearer(await createUser(app, 'coordinator', { branchIds: [branchId] }));
    principals.mentor = bearer(await createUser(app, 'mentor'));
    principals.sponsor = bearer(await createUser(app, 'sponsor', { sponsorId }));
    const teenEmail = uniqueEmail('teen');
    await app.get(TransactionService).run((manager) =>
      app.get(UsersService).createAccount(manager, { email: teenEmail, password: PASSWORD, role: 'participant', displayName: 'Teen' }),
    );
    principals.participant = { Authorization: `Bearer ${await login(app, teenEmail)}` };
    const key = await request(app.getHttpServer()).post(`/v1/sponsors/${sponsorId}/api-keys`).set(principals.admin).send({ name: 'matrix' }).expect(201);
    principals.sponsorKey = { 'X-API-Key': key.body.key };
  });

  afterAll(async () => {
    await app.close();
  });

  // Path parameters get fresh UUIDs: an allowed caller then meets a 400/404, never a 401/403.
  const call = (route: Route, headers: Credentials = {}) => {
    const url = route.path.replace(/\{[^}]+\}/g, () => randomUUID());
    const req = request(app.getHttpServer())[route.method.toLowerCase() as 'get'](url).set(headers);
    return ['POST', 'PUT', 'PATCH'].includes(route.method) ? req.send({}) : req;
  };

  it('lists every registered route in the matrix, and nothing else', () => {
    const registered = routes.map((r) => r.key).sort();
    expect(registered).toEqual(Object.keys(MATRIX).sort());
  });

  it('answers 401 problem+json to every non-public route called without credentials', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => MATRIX[r.key] !== 'public')) {
      const res = await call(route);
      if (res.status !== 401 || !String(res.headers['content-type']).startsWith('application/problem+json')) failures.push(`${route.key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to a bad token even on a public route', async () => {
    await request(app.getHttpServer()).post('/v1/auth/login').set('Authorization', 'Bearer nonsense').send({}).expect(401);
  });

  it.each(PRINCIPALS)('lets %s call exactly the routes the matrix grants it, public ones included (403 elsewhere)', async (name) => {
    const failures: string[] = [];
    for (const route of routes) {
      // A public route serves signed-in callers as well as anonymous ones.
      const grant = MATRIX[route.key];
      const allowed = grant === 'public' || grant.includes(name);
      const { status } = await call(route, principals[name]);
      if (allowed ? status === 401 || status === 403 : status !== 403) failures.push(`${route.key} → ${status} (${allowed ? 'allowed' : 'forbidden'})`);
    }
    expect(failures).toEqual([]);
  });
});
