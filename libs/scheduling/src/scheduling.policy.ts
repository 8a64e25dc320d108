import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import type { ProgramEntity } from './programs/program.entity';
import { BranchNotYoursError, ProgramNotFoundError } from './scheduling.errors';

/** Which programs a caller's lists cover: every status, or published ones plus any at some branches. */
export type ProgramScope = { all: true } | { all: false; anyStatusAt: string[] };

/**
 * Who may see and change what in scheduling. Branches and published programs are public, so refusing
 * a change to them is a 403; a draft or archived program is visible only to the staff of its branch,
 * and is a 404 to everyone else.
 */
@Injectable()
export class SchedulingPolicy {
  /** Changing a branch, or anything at it (programs, rooms, closures): an admin, or its coordinator. */
  assertCanChangeBranch(principal: Principal, branchId: string): void {
    if (!this.runsBranch(principal, branchId)) throw new BranchNotYoursError(branchId);
  }

  programScope(principal: Principal | undefined): ProgramScope {
    if (principal?.role === 'admin') return { all: true };
    return { all: false, anyStatusAt: principal?.role === 'coordinator' ? principal.branchIds : [] };
  }

  assertCanReadProgram(principal: Principal | undefined, program: Pick<ProgramEntity, 'id' | 'status' | 'branchId'>): void {
    if (program.status !== 'published' && !(principal && this.runsBranch(principal, program.branchId))) throw new ProgramNotFoundError(program.id);
  }

  assertCanChangeProgram(principal: Principal, program: ProgramEntity): void {
    this.assertCanReadProgram(principal, program);
    this.assertCanChangeBranch(principal, program.branchId);
  }

  /** An admin, or a coordinator of the branch: who runs what happens there. */
  runsBranch(principal: Principal, branchId: string): boolean {
    return principal.role === 'admin' || (principal.role === 'coordinator' && principal.branchIds.includes(branchId));
  }
}
