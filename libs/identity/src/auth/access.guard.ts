import type { AppEnv } from '@codeshelf/core';
import { envConfig, IS_PUBLIC, ProblemError, RateLimiter, toProblem } from '@codeshelf/core';
import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { BrowserSessionsService } from '../browser-sessions/browser-sessions.service';
import { allowedOrigins, assertSameOrigin, REFUSE_FOREIGN_ORIGIN } from '../browser-sessions/csrf';
import { sessionCookieOf } from '../browser-sessions/session-cookie';
import type { Principal, Role } from '../principal';
import { API_KEY_ALLOWED, ROLES_KEY } from '../roles.decorator';

export class UnauthenticatedError extends ProblemError {
  constructor() {
    super(401, 'unauthenticated', 'Unauthorized', 'Send a valid Bearer token, X-API-Key or session cookie.');
  }
}

export class ApiKeyForbiddenError extends ProblemError {
  constructor() {
    super(403, 'forbidden', 'Forbidden', 'An API key may not do this; sign in as a sponsor user.');
  }
}

export class RoleForbiddenError extends ProblemError {
  constructor(role: Role, allowed: Role[]) {
    super(403, 'forbidden', 'Forbidden', allowed.length ? `A ${role} may not do this (allowed: ${allowed.join(', ')}).` : 'Nobody may do this.');
  }
}

/**
 * The one global guard: every route needs a principal (a JWT, an API key, or a browser's session cookie) unless it is @Public(),
 * the principal's role must be among the route's @Roles(), and an API key only reaches @ApiKeyAllowed()
 * routes. Ownership is each feature's policy. Between knowing the caller and judging them, it counts the
 * request against the caller's rate limit (a user, an API key, else the client address). A request signed in by
 * the cookie alone must also pass the Origin check (CSRF) when its method is unsafe.
 */
@Injectable()
export class AccessGuard extends AuthGuard(['jwt', 'api-key']) {
  private readonly corsOrigins: Set<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimiter,
    private readonly sessions: BrowserSessionsService,
    @Inject(envConfig.KEY) env: AppEnv,
  ) {
    super();
    this.corsOrigins = allowedOrigins(env);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const sentHeaderCredentials = Boolean(request.headers.authorization || request.headers['x-api-key']);
    const cookie = sentHeaderCredentials ? undefined : sessionCookieOf(request.headers.cookie);
    if (cookie) {
      const principal = await this.sessions.authenticate(cookie);
      // A stale cookie on a public page is only an anonymous visit; elsewhere it is a 401 like a bad token.
      if (principal) request.user = principal;
      else if (!isPublic) {
        await this.limits.enforce(context, undefined);
        throw new UnauthenticatedError();
      }
    } else if (!isPublic || sentHeaderCredentials) {
      // A public route serves anonymous callers; one that sends credentials gets them checked.
      try {
        await super.canActivate(context);
      } catch (error) {
        // A wrong credential counts against the address, so guessing tokens or keys is limited too.
        if (toProblem(error).status !== 503) await this.limits.enforce(context, undefined);
        throw error;
      }
    }
    await this.limits.enforce(context, request.user);
    const refusesForeign = this.reflector.getAllAndOverride<boolean>(REFUSE_FOREIGN_ORIGIN, targets) && request.headers.origin !== undefined;
    if ((cookie && request.user) || refusesForeign) assertSameOrigin(request, this.corsOrigins);
    if (isPublic) return true;
    // Fail closed: a route that names no roles serves nobody but its public callers.
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    const { role, kind } = request.user!;
    if (!roles.includes(role)) throw new RoleForbiddenError(role, roles);
    if (kind === 'api-key' && !this.reflector.getAllAndOverride<boolean>(API_KEY_ALLOWED, targets)) throw new ApiKeyForbiddenError();
    return true;
  }

  override handleRequest<T>(error: unknown, principal: T): T {
    // A database that cannot look the caller up is that fault (a 503 to retry), not a bad token.
    if (error && toProblem(error).status === 503) throw error;
    if (error || !principal) throw new UnauthenticatedError();
    return principal;
  }
}
