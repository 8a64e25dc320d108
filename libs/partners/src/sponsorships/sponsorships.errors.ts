import { ProblemError } from '@codeshelf/core';

export class NotStaffOfBranchError extends ProblemError {
  constructor(programId: string) {
    super(403, 'branch-not-yours', 'Not your program', `Only an admin or a coordinator of the branch of program ${programId} records its sponsors.`);
  }
}
