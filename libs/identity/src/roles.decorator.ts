import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiProblems } from '@codeshelf/core';
import type { Role } from './principal';

export const ROLES_KEY = 'codeshelf:roles';
export const API_KEY_ALLOWED = 'codeshelf:api-key-allowed';

/**
 * The roles that may call a route (the global guard answers 403 to any other); ownership of the
 * object is the feature policy's job. Documents the security scheme and 401/403 in OpenAPI.
 */
export function Roles(...roles: Role[]) {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth('bearer'), ApiCookieAuth('session-cookie'), ApiExtension('x-roles', roles), ApiProblems(401, 403));
}

/**
 * Lets a sponsor's machine (X-API-Key) call the route too. Keys reach only the routes marked so:
 * a leaked key reads reports, it never manages keys or accounts.
 */
export function ApiKeyAllowed() {
  return applyDecorators(SetMetadata(API_KEY_ALLOWED, true), ApiSecurity('api-key'));
}
