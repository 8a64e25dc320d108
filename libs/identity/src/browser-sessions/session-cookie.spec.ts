import type { FastifyRequest } from 'fastify';
import { assertSameOrigin, CsrfRefusedError } from './csrf';
import { clearedSessionCookie, sessionCookie, sessionCookieOf } from './session-cookie';

describe('session cookie', () => {
  it('finds the session id among other cookies, and nothing in a look-alike name', () => {
    expect(sessionCookieOf('theme=dark; codeshelf_session=abc_-1; lang=es')).toBe('abc_-1');
    expect(sessionCookieOf('xcodeshelf_session=abc; codeshelf_session_old=def')).toBeUndefined();
    expect(sessionCookieOf('codeshelf_session=')).toBeUndefined();
    expect(sessionCookieOf(undefined)).toBeUndefined();
  });

  it('is Secure in production only, and always HttpOnly and SameSite=Lax', () => {
    expect(sessionCookie('t', 60, { NODE_ENV: 'production' })).toBe('codeshelf_session=t; Max-Age=60; HttpOnly; SameSite=Lax; Path=/; Secure');
    expect(sessionCookie('t', 60, { NODE_ENV: 'development' })).toBe('codeshelf_session=t; Max-Age=60; HttpOnly; SameSite=Lax; Path=/');
    expect(clearedSessionCookie({ NODE_ENV: 'production' })).toMatch(/^codeshelf_session=; Max-Age=0; .*HttpOnly; SameSite=Lax; Path=\/; Secure$/);
  });
});

describe(assertSameOrigin.name, () => {
  const request = (method: string, origin?: string) =>
    ({ method, protocol: 'https', host: 'club.example.org', headers: origin === undefined ? {} : { origin } }) as unknown as FastifyRequest;
  const allowed = new Set(['http://localhost:5173']);

  it('lets safe methods through from anywhere', () => {
    expect(() => assertSameOrigin(request('GET', 'https://evil.example'), allowed)).not.toThrow();
    expect(() => assertSameOrigin(request('HEAD'), allowed)).not.toThrow();
  });

  it('lets unsafe methods through only from our origin or CORS_ORIGINS', () => {
    expect(() => assertSameOrigin(request('POST', 'https://club.example.org'), allowed)).not.toThrow();
    expect(() => assertSameOrigin(request('DELETE', 'http://localhost:5173'), allowed)).not.toThrow();
    for (const origin of ['https://evil.example', 'http://club.example.org', 'https://club.example.org.evil.example', 'null', undefined]) {
      expect(() => assertSameOrigin(request('PATCH', origin), allowed)).toThrow(CsrfRefusedError);
    }
  });
});
