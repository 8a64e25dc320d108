import { ProblemError } from '@codeshelf/core';

export class InternshipNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'internship-not-found', 'Internship not found', `No internship ${id}.`);
  }
}

export class ApplicationNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'application-not-found', 'Application not found', `No application ${id}.`);
  }
}

export class InternshipStatusConflictError extends ProblemError {
  constructor(id: string, status: string, action: string) {
    super(409, 'internship-status-conflict', 'Not allowed in this status', `Internship ${id} is ${status}: it cannot be ${action}.`, { internshipStatus: status });
  }
}

/** Applying outside the posting's open period (rule 8). */
export class InternshipNotOpenError extends ProblemError {
  constructor(id: string) {
    super(422, 'internship-not-open', 'Internship not open', `Internship ${id} does not take applications now.`);
  }
}

/** The teen misses the posting's minimum age or attendance rate (rule 8): each rule named. */
export class NotEligibleError extends ProblemError {
  constructor(reasons: { rule: string; message: string }[]) {
    super(422, 'not-eligible', 'Not eligible', reasons.map((r) => r.message).join(' '), { reasons });
  }
}

export class AlreadyAppliedError extends ProblemError {
  constructor(applicationId: string) {
    super(409, 'already-applied', 'Already applied', `You applied to this internship already (application ${applicationId}).`, { applicationId });
  }
}

export class IllegalTransitionError extends ProblemError {
  constructor(from: string, to: string, allowed: string[]) {
    super(409, 'illegal-transition', 'Not allowed from this status', `An application that is ${from} cannot become ${to}; allowed: ${allowed.join(', ') || 'none'}.`, {
      from,
      to,
      allowed,
    });
  }
}

export class TransitionNotYoursError extends ProblemError {
  constructor(to: string, side: string) {
    super(403, 'transition-not-yours', 'Not yours to decide', `Only the ${side} may make an application ${to}.`);
  }
}

export class SlotsFilledError extends ProblemError {
  constructor(id: string, slots: number) {
    super(409, 'slots-filled', 'Every slot is offered', `Internship ${id} has ${slots} slots and as many offers out; one must be declined or withdrawn first.`, { slots });
  }
}

export class SponsorshipExistsError extends ProblemError {
  constructor() {
    super(409, 'sponsorship-exists', 'Already sponsored', 'This sponsor already sponsors this program.');
  }
}

export class UnknownProgramError extends ProblemError {
  constructor() {
    super(422, 'reference-not-found', 'Unknown program', 'programId names no program.', { errors: [{ field: 'programId', code: 'exists', message: 'no such program' }] });
  }
}
