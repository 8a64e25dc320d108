import { ProblemError } from '@codeshelf/core';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../principal';
import { SponsorNotFoundError } from './api-keys.service';

export class MachineCannotManageKeysError extends ProblemError {
  constructor() {
    super(403, 'forbidden', 'Forbidden', 'An API key cannot manage API keys; sign in as a sponsor user.');
  }
}

/** Who manages a sponsor's keys: an admin, or a signed-in user of that sponsor. */
@Injectable()
export class ApiKeysPolicy {
  assertCanManage(principal: Principal, sponsorId: string): void {
    if (principal.role === 'admin') return;
    if (principal.kind === 'api-key') throw new MachineCannotManageKeysError();
    // Another sponsor's keys: answer as if that sponsor did not exist.
    if (principal.sponsorId !== sponsorId) throw new SponsorNotFoundError(sponsorId);
  }
}
