import type { AppEnv, RateLimiter } from '@codeshelf/core';
import type { BrowserSessionsService } from '../browser-sessions/browser-sessions.service';
import { Reflector } from '@nestjs/core';
import { QueryFailedError } from 'typeorm';
import { AccessGuard, UnauthenticatedError } from './access.guard';

describe(AccessGuard.name, () => {
  const guard = new AccessGuard(new Reflector(), {} as RateLimiter, {} as BrowserSessionsService, { CORS_ORIGINS: '' } as AppEnv);

  it('passes on a database that cannot look the caller up, so the caller gets 503 and retries', () => {
    const lost = new QueryFailedError('select', [], new Error('Connection terminated unexpectedly'));

    expect(() => guard.handleRequest(lost, null)).toThrow(lost);
  });

  it('answers any other failure, or no principal, with 401', () => {
    expect(() => guard.handleRequest(new Error('jwt malformed'), null)).toThrow(UnauthenticatedError);
    expect(() => guard.handleRequest(null, null)).toThrow(UnauthenticatedError);
  });
});
