import { ProblemError } from '@codeshelf/core';

export class BranchNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'branch-not-found', 'Branch not found', `No branch ${id}.`);
  }
}

/** A coordinator changing a branch they do not run. Branches are public, so this is a 403, not a 404. */
export class BranchNotYoursError extends ProblemError {
  constructor(id: string) {
    super(403, 'branch-not-yours', 'Not your branch', `Only an admin or a coordinator of branch ${id} may change it.`);
  }
}
