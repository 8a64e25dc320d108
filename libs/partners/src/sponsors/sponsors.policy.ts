import { Injectable } from '@nestjs/common';
import { isLibraryStaff, type Principal, SponsorNotFoundError } from '@codeshelf/identity';
import { SponsorsService } from './sponsors.service';

/** Which sponsors the caller's list covers: every one, or only some. */
export type SponsorScope = { all: true } | { all: false; sponsorIds: string[] };

/**
 * Who may see which sponsor. @Roles on the routes decides who reads at all; this decides ownership:
 * library staff (admin, coordinator) see every sponsor, a sponsor (user or API key) only its own.
 * Another sponsor is a 404, as if it did not exist.
 */
@Injectable()
export class SponsorsPolicy {
  constructor(private readonly sponsors: SponsorsService) {}

  scopeOf(principal: Principal): SponsorScope {
    if (isLibraryStaff(principal)) return { all: true };
    return { all: false, sponsorIds: principal.sponsorId ? [principal.sponsorId] : [] };
  }

  /** Another sponsor's is a 404; an unknown one is not checked (see `assertCanReadExisting`). */
  assertCanRead(principal: Principal, sponsorId: string): void {
    if (!this.reads(principal, sponsorId)) throw new SponsorNotFoundError(sponsorId);
  }

  /** `assertCanRead`, and an unknown sponsor is a 404 too. */
  async assertCanReadExisting(principal: Principal, sponsorId: string): Promise<void> {
    this.assertCanRead(principal, sponsorId);
    await this.sponsors.get(sponsorId);
  }

  /** Library staff, or the sponsor itself (a user or its API key). */
  reads(principal: Principal, sponsorId: string): boolean {
    return isLibraryStaff(principal) || principal.sponsorId === sponsorId;
  }
}
