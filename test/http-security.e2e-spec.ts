import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startTestApp } from './support/app';

/** What a browser is told: security headers on every answer, and no cross-origin reads unless configured. */
describe('HTTP security headers and CORS', () => {
  const saved = process.env.CORS_ORIGINS;
  afterAll(() => {
    if (saved === undefined) delete process.env.CORS_ORIGINS;
    else process.env.CORS_ORIGINS = saved;
  });

  describe('with CORS_ORIGINS unset', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      delete process.env.CORS_ORIGINS;
      app = await startTestApp();
    });
    afterAll(() => app.close());

    it('sends the security headers on answers and on errors', async () => {
      for (const res of [await request(app.getHttpServer()).get('/v1/programs').expect(200), await request(app.getHttpServer()).get('/v1/nothing-here').expect(404)]) {
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age='),
          'content-security-policy': expect.stringContaining("frame-ancestors 'self'"),
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-resource-policy': 'same-origin',
          'origin-agent-cluster': '?1',
          'x-dns-prefetch-control': 'off',
          'x-download-options': 'noopen',
          'x-permitted-cross-domain-policies': 'none',
          'x-xss-protection': '0',
        });
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('still serves the Swagger UI under its content security policy', async () => {
      const page = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
      expect(page.text).toContain('swagger-ui');
      // The page's scripts are files of our own origin, which script-src 'self' allows.
      expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    });

    it('lets no other origin read an answer', async () => {
      const res = await request(app.getHttpServer()).get('/v1/programs').set('Origin', 'https://evil.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(app.getHttpServer()).options('/v1/auth/login').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS set', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      process.env.CORS_ORIGINS = 'https://club.example.org, https://admin.example.org';
      app = await startTestApp();
    });
    afterAll(() => app.close());

    it('allows exactly the configured origins', async () => {
      const allowed = await request(app.getHttpServer())
        .options('/v1/auth/login')
        .set('Origin', 'https://admin.example.org')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,authorization');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.org');
      const read = await request(app.getHttpServer()).get('/v1/programs').set('Origin', 'https://club.example.org').expect(200);
      expect(read.headers['access-control-allow-origin']).toBe('https://club.example.org');
      expect(read.headers['access-control-expose-headers']).toContain('Retry-After');
      const other = await request(app.getHttpServer()).get('/v1/programs').set('Origin', 'https://evil.example').expect(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
