import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp } from './support/app';
import { bearer, createBranch, createUser } from './support/identity';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

/** The built web app served by the API at `/` (from a small fake build in a temporary WEB_DIST_DIR). */
describe('The web app served at /', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let dist: string;
  const saved = process.env.WEB_DIST_DIR;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'codeshelf-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), `console.info(${JSON.stringify('x'.repeat(4_000))});\n`);
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    process.env.WEB_DIST_DIR = dist;
    app = await startTestApp();
    http = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
    if (saved === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = saved;
  });

  it.each(['/', '/programs/x', '/consent/abc?lang=es'])('answers %s with index.html, never cached', async (path) => {
    const res = await request(http).get(path).expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('gives the app’s pages a CSP that runs no inline script', async () => {
    const csp = String((await request(http).get('/').expect(200)).headers['content-security-policy']);
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('serves hashed assets for a year, immutable, and an unknown asset as a 404 (not the page)', async () => {
    const res = await request(http).get('/assets/index-abc123.js').expect(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toContain('console.info');
    await request(http).get('/assets/index-gone99.js').expect(404);
    expect((await request(http).get('/favicon.svg').expect(200)).headers['cache-control']).toBe('no-cache');
  });

  it('never shadows the API: an unknown /v1 path is still its problem+json 404, /docs still Swagger UI, /health still health', async () => {
    const nope = await request(http).get('/v1/nope').expect(404);
    expect(nope.headers['content-type']).toContain('application/problem+json');
    expect((await request(http).get('/v1').expect(404)).headers['content-type']).toContain('application/problem+json');
    const docs = await request(http).get('/docs').redirects(1).expect(200);
    expect(docs.text).toContain('swagger-ui');
    await request(http).get('/docs-json').expect(200);
    await request(http).get('/health/live').expect(200);
  });

  it('does not leave the dist directory by ..', async () => {
    const res = await request(http).get('/..%2f..%2fpackage.json');
    expect(res.text).not.toContain('"dependencies"');
  });

  it.each(['br', 'gzip'])('compresses text answers with %s: JSON of /v1 and /docs-json, and the app’s script', async (encoding) => {
    const admin = await createUser(app, 'admin');
    for (let i = 0; i < 12; i++) await createBranch(app, `Compressed branch ${encoding} ${i} ${'x'.repeat(80)}`);
    const list = await request(http).get('/v1/branches?limit=200').set(bearer(admin)).set('Accept-Encoding', encoding).expect(200);
    expect(list.headers['content-encoding']).toBe(encoding);
    expect(list.headers['content-type']).toContain('application/json');
    expect(list.body.items.length).toBeGreaterThanOrEqual(12);
    const docs = await request(http).get('/docs-json').set('Accept-Encoding', encoding).expect(200);
    expect(docs.headers['content-encoding']).toBe(encoding);
    const script = await request(http).get('/assets/index-abc123.js').set('Accept-Encoding', encoding);
    expect(script.headers['content-encoding']).toBe(encoding);
  });
});

describe('The API without a built web app', () => {
  let app: NestFastifyApplication;
  const saved = process.env.WEB_DIST_DIR;

  beforeAll(async () => {
    process.env.WEB_DIST_DIR = join(tmpdir(), 'codeshelf-web-never-built');
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
    if (saved === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = saved;
  });

  it('starts, says at / that the app is not built, and serves the API as ever', async () => {
    const res = await request(app.getHttpServer()).get('/').expect(404);
    expect(res.text).toContain('web app is not built');
    await request(app.getHttpServer()).get('/health/live').expect(200);
    expect((await request(app.getHttpServer()).get('/v1/nope').expect(404)).headers['content-type']).toContain('application/problem+json');
  });
});
