import type { AppEnv } from '@codeshelf/core';
import { ProblemError } from '@codeshelf/core';
import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export class CsrfRefusedError extends ProblemError {
  constructor() {
    super(403, 'csrf-refused', 'Forbidden', 'A request signed in by the session cookie must come from the app’s own origin (its Origin header).');
  }
}

export const REFUSE_FOREIGN_ORIGIN = 'codeshelf:refuse-foreign-origin';

/**
 * The route refuses a request that names a foreign Origin even without a cookie: the browser sign-in, which
 * another site could otherwise post its own account's credentials to (login CSRF). Scripts send no Origin.
 */
export const RefuseForeignOrigin = () => SetMetadata(REFUSE_FOREIGN_ORIGIN, true);

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origins whose pages may send unsafe requests with the cookie: the API's own, and CORS_ORIGINS. */
export function allowedOrigins(env: Pick<AppEnv, 'CORS_ORIGINS'>): Set<string> {
  return new Set(env.CORS_ORIGINS.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean));
}

/**
 * The CSRF defence of cookie sign-ins: browsers name the page's origin on every cross-origin request and on
 * every POST, PUT, PATCH and DELETE, and a page cannot forge it, so an unsafe request whose Origin is not ours
 * (or is missing) did not come from the app. Our own origin is the request's (TRUST_PROXY decides whether
 * X-Forwarded-Proto and -Host count).
 */
export function assertSameOrigin(request: FastifyRequest, corsOrigins: Set<string>): void {
  if (!UNSAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin && (origin === `${request.protocol}://${request.host}` || corsOrigins.has(origin))) return;
  throw new CsrfRefusedError();
}
