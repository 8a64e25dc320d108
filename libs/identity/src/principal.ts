import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuditActor } from '@codeshelf/core';

export const ROLES = ['admin', 'coordinator', 'mentor', 'participant', 'sponsor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a signed-in user, or a sponsor's machine holding an API key. */
export interface Principal {
  kind: 'user' | 'api-key';
  /** The user's id, or the API key's id. */
  id: string;
  role: Role;
  displayName: string;
  /** Branches a coordinator runs clubs at; empty for every other role. */
  branchIds: string[];
  /** The sponsor a sponsor user or an API key belongs to. */
  sponsorId: string | null;
}

/** Library staff: an admin, or a coordinator (of some branches; which ones, the feature's policy decides). */
export const isLibraryStaff = (principal: Principal) => principal.role === 'admin' || principal.role === 'coordinator';

export const actorOf = (principal: Principal | undefined): AuditActor =>
  principal ? { id: principal.id, kind: principal.kind } : { id: null, kind: 'anonymous' };

/** The authenticated principal of the request (undefined only on public routes called anonymously). */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest().user,
);
