import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiProblems } from '@codeshelf/core';
import type { Role } from './principal';

export const ROLES_KEY = 'codeshelf:roles';

/**
 * The roles that may call a route (the global guard answers 403 to any other); ownership of the
 * object is the feature policy's job. Documents the security schemes and 401/403 in OpenAPI.
 */
export function Roles(...roles: Role[]) {
  const machine = roles.includes('sponsor') ? [ApiSecurity('api-key')] : [];
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth('bearer'),
    ...machine,
    ApiExtension('x-roles', roles),
    ApiProblems(401, 403),
  );
}
