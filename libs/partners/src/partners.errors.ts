import { ProblemError } from '@codeshelf/core';

/** No such sponsor, or not one the caller may see: the same answer, so existence does not leak. */
export class SponsorNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'sponsor-not-found', 'Sponsor not found', `No sponsor ${id}.`);
  }
}
