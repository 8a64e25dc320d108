import { Injectable } from '@nestjs/common';
import { type Principal, SponsorNotFoundError } from '@codeshelf/identity';

/** Which sponsors the caller's list covers: every one, or only some. */
export type SponsorScope = { all: true } | { all: false; sponsorIds: string[] };

/**
 * Who may see which sponsor. @Roles on the routes decides who reads at all; this decides ownership:
 * library staff (admin, coordinator) see every sponsor, a sponsor (user or API key) only its own.
 * Another sponsor is a 404, as if it did not exist.
 */
@Injectable()
export class SponsorsPolicy {
  scopeOf(principal: Principal): SponsorScope {
    if (isStaff(principal)) return { all: true };
    return { all: false, sponsorIds: principal.sponsorId ? [principal.sponsorId] : [] };
  }

  assertCanRead(principal: Principal, sponsorId: string): void {
    if (isStaff(principal) || principal.sponsorId === sponsorId) return;
    throw new SponsorNotFoundError(sponsorId);
  }
}

const isStaff = (principal: Principal) => principal.role === 'admin' || principal.role === 'coordinator';
