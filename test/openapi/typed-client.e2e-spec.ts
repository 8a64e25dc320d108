import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import createClient from 'openapi-fetch';
import request from 'supertest';
import type { paths } from '../../apps/web/src/api/schema';
import { startTestApp } from '../support/app';
import { createUser, PASSWORD } from '../support/identity';

const ROOT = join(__dirname, '..', '..');
// The web app's client types, the only generated copy: the app and this test use the same file.
const GENERATED = join(ROOT, 'apps', 'web', 'src', 'api', 'schema.d.ts');

/** A client typed from the OpenAPI document (npm run openapi:types), used against the running API. */
describe('Typed client from the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('has its committed types generated from the document the app serves now (npm run openapi:types)', async () => {
    const document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).text;
    const dir = mkdtempSync(join(tmpdir(), 'openapi-types-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), document);
      const cli = join(ROOT, 'node_modules', '.bin', 'openapi-typescript');
      await promisify(execFile)(cli, [join(dir, 'openapi.json'), '--output', join(dir, 'openapi.d.ts')]);
      const fresh = readFileSync(join(dir, 'openapi.d.ts'), 'utf8');
      expect(fresh === readFileSync(GENERATED, 'utf8') ? 'up to date' : 'stale: run npm run openapi:types and commit apps/web/src/api/schema.d.ts').toBe('up to date');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('logs in, creates a branch and lists its programs through openapi-fetch', async () => {
    const admin = await createUser(app, 'admin');
    const client = createClient<paths>({ baseUrl });

    const login = await client.POST('/v1/auth/login', { body: { email: admin.email, password: PASSWORD } });
    expect(login.response.status).toBe(200);
    const token = login.data!.accessToken;
    const headers = { Authorization: `Bearer ${token}` };

    const branch = await client.POST('/v1/branches', { headers, body: { name: 'Typed Client Branch', timezone: 'America/Chicago' } });
    expect(branch.response.status).toBe(201);
    expect(branch.data).toMatchObject({ name: 'Typed Client Branch', timezone: 'America/Chicago' });

    const programs = await client.GET('/v1/programs', { headers, params: { query: { branchId: branch.data!.id, limit: 10 } } });
    expect(programs.response.status).toBe(200);
    expect(programs.data).toEqual({ items: [], nextCursor: null });

    // A refusal comes back typed as the problem document.
    const refused = await client.POST('/v1/branches', { headers, body: { name: '', timezone: 'Mars/Olympus' } });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({ code: 'validation-failed' });
  });
});
