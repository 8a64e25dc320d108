import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { startTestApp } from '../support/app';
import { uniqueEmail } from '../support/identity';

const ROOT = join(__dirname, '..', '..');
const SEVERITY = ['error', 'warn', 'info', 'hint'];

interface Finding {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

/** Runs the spectral CLI exactly as npm run lint:openapi does (the ruleset loads as the CLI loads it), answering its findings. */
async function lint(document: string): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), document);
    const cli = join(ROOT, 'node_modules', '.bin', 'spectral');
    // spectral exits 1 when it finds errors; its JSON on stdout is the answer either way.
    const { stdout } = await promisify(execFile)(cli, ['lint', join(dir, 'openapi.json'), '--ruleset', join(ROOT, '.spectral.yaml'), '--format', 'json', '--quiet'], { maxBuffer: 64 << 20 }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    return JSON.parse(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The OpenAPI document the app serves, held to the OWASP API Security ruleset (.spectral.yaml): no errors. */
describe('OpenAPI document against the OWASP ruleset', () => {
  let app: NestFastifyApplication;
  let text: string;

  beforeAll(async () => {
    app = await startTestApp();
    text = (await request(app.getHttpServer()).get('/docs-json').expect(200)).text;
  });

  afterAll(async () => {
    await app.close();
  });

  it('has no error-level finding of the OWASP ruleset', async () => {
    const findings = await lint(text);
    const errors = findings.filter((f) => f.severity === 0).map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`);
    expect(errors).toEqual([]);
    const warnings = findings.reduce<Record<string, number>>((counts, f) => ({ ...counts, [`${SEVERITY[f.severity]} ${f.code}`]: (counts[`${SEVERITY[f.severity]} ${f.code}`] ?? 0) + 1 }), {});
    console.info(`OWASP ruleset: no errors; the rest by rule: ${JSON.stringify(warnings)}`);
  }, 60_000);

  it('documents the rate-limit headers a login answer really carries', async () => {
    const documented = Object.keys(JSON.parse(text).paths['/v1/auth/login'].post.responses['401'].headers ?? {}).filter((name) => /ratelimit/i.test(name));
    const res = await request(app.getHttpServer()).post('/v1/auth/login').send({ email: uniqueEmail('nobody'), password: 'wrong password' }).expect(401);
    const sent = Object.keys(res.headers).filter((name) => /ratelimit/i.test(name));
    expect(documented.map((name) => name.toLowerCase()).sort()).toEqual(sent.sort());
    expect(documented.length).toBeGreaterThan(0);
  });

  it('documents the rate-limit headers on every 2xx and 4xx of every route, as a public list answers them', async () => {
    const paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>> = JSON.parse(text).paths;
    const undocumented = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(([status, response]) => /^[24]/.test(status) && !['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'].every((name) => response.headers?.[name]))
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(undocumented).toEqual([]);
    const res = await request(app.getHttpServer()).get('/v1/programs').expect(200);
    expect(Object.keys(res.headers).filter((name) => name.startsWith('ratelimit-')).sort()).toEqual(['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']);
  });
});
