import { Injectable } from '@nestjs/common';
import type { Principal } from '../principal';
import { SponsorNotFoundError } from '../identity.errors';

/** Who manages a sponsor's keys: an admin, or a signed-in user of that sponsor. */
@Injectable()
export class ApiKeysPolicy {
  assertCanManage(principal: Principal, sponsorId: string): void {
    if (principal.role === 'admin') return;
    // Another sponsor's keys: answer as if that sponsor did not exist.
    if (principal.sponsorId !== sponsorId) throw new SponsorNotFoundError(sponsorId);
  }
}
