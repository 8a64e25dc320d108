import { ProblemError } from '@codeshelf/core';

/** No such participant, or not one the caller may see: the same answer, so existence does not leak. */
export class ParticipantNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'participant-not-found', 'Participant not found', `No participant ${id}.`);
  }
}

export class ConsentLinkNotFoundError extends ProblemError {
  constructor() {
    super(404, 'consent-link-not-found', 'Consent link not found', 'This consent link is not one Codeshelf sent.');
  }
}

export class ConsentLinkGoneError extends ProblemError {
  constructor() {
    super(410, 'consent-link-gone', 'Consent link no longer valid', 'This consent link was already used or has expired; ask the library for a new one.');
  }
}

export class BranchNotYoursError extends ProblemError {
  constructor() {
    super(403, 'branch-not-yours', 'Not your branch', 'A coordinator keeps participants at one of the branches they run.', {
      errors: [{ field: 'homeBranchId', code: 'isOwnBranch', message: 'homeBranchId must be one of your branches' }],
    });
  }
}

export class UnknownBranchError extends ProblemError {
  constructor() {
    super(422, 'reference-not-found', 'Unknown branch', 'homeBranchId names a branch that does not exist.', {
      errors: [{ field: 'homeBranchId', code: 'exists', message: 'no such branch' }],
    });
  }
}

export class MediaConsentNeedsGuardianError extends ProblemError {
  constructor() {
    super(403, 'media-consent-needs-guardian', 'Guardian consent required', 'A minor cannot give media consent; their guardian or the library records it.', {
      errors: [{ field: 'mediaConsent', code: 'guardianOnly', message: 'only a guardian or the library may set mediaConsent to true for a minor' }],
    });
  }
}

export class ConsentNotPendingError extends ProblemError {
  constructor(status: string) {
    super(409, 'consent-not-pending', 'Consent is not pending', `Your guardian’s consent is ${status}: there is nothing to ask them again.`);
  }
}
