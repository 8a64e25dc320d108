import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { BranchNotYoursError } from '../scheduling.errors';

/**
 * Who may change which branch: an admin every branch, a coordinator the branches they run. Anyone may
 * read a branch, so a refusal is a 403 (existence is no secret).
 */
@Injectable()
export class BranchesPolicy {
  assertCanChange(principal: Principal, branchId: string): void {
    if (principal.role === 'admin') return;
    if (principal.role === 'coordinator' && principal.branchIds.includes(branchId)) return;
    throw new BranchNotYoursError(branchId);
  }
}
