import type { AppEnv } from '@codeshelf/core';

export const SESSION_COOKIE = 'codeshelf_session';

/** The session id the browser sent, if any (RFC 6265 cookie header: `name=value; name2=value2`). */
export function sessionCookieOf(cookieHeader: unknown): string | undefined {
  if (typeof cookieHeader !== 'string') return undefined;
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

// Scripts cannot read it (HttpOnly); other sites' subrequests and form posts do not carry it (Lax).
function attributes(env: Pick<AppEnv, 'NODE_ENV'>): string {
  return `; HttpOnly; SameSite=Lax; Path=/${env.NODE_ENV === 'production' ? '; Secure' : ''}`;
}

export function sessionCookie(token: string, maxAgeSeconds: number, env: Pick<AppEnv, 'NODE_ENV'>): string {
  return `${SESSION_COOKIE}=${token}; Max-Age=${maxAgeSeconds}${attributes(env)}`;
}

export function clearedSessionCookie(env: Pick<AppEnv, 'NODE_ENV'>): string {
  return `${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${attributes(env)}`;
}
