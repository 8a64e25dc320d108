import { ProblemError } from '@codeshelf/core';

export class ProgramNotSponsoredError extends ProblemError {
  constructor(programId: string) {
    super(404, 'program-not-sponsored', 'Program not sponsored', `The sponsor does not sponsor program ${programId} in this period.`);
  }
}
