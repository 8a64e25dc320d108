import { ProblemError } from '@codeshelf/core';

export class EnrollmentNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'enrollment-not-found', 'Enrollment not found', `No enrollment ${id}.`);
  }
}

export class ProgramNotPublishedError extends ProblemError {
  constructor(id: string, status: string) {
    super(422, 'program-not-published', 'Program not open for enrollment', `Program ${id} is ${status}; teens enroll only in published programs.`, { programStatus: status });
  }
}

export class EnrollmentWindowClosedError extends ProblemError {
  constructor(detail: string, window: { opensAt: Date | null; closesAt: Date | string | null }) {
    super(422, 'enrollment-window-closed', 'Enrollment window closed', detail, { enrollmentOpensAt: window.opensAt, enrollmentClosesAt: window.closesAt });
  }
}

export class AgeNotEligibleError extends ProblemError {
  constructor(age: number, minAge: number, maxAge: number, on: string) {
    super(422, 'age-not-eligible', 'Age outside the program’s range', `The teen will be ${age} on ${on}, when the program starts; it is for ages ${minAge} to ${maxAge}.`, {
      ageOnStart: age,
      minAge,
      maxAge,
    });
  }
}

export class GuardianConsentRequiredError extends ProblemError {
  constructor(consentStatus: string) {
    super(422, 'guardian-consent-required', 'Guardian consent required', `A minor enrolls only with a guardian’s consent, which is ${consentStatus}.`, { consentStatus });
  }
}

export class AlreadyEnrolledError extends ProblemError {
  constructor(existing: { id: string; status: string; waitlistPosition: number | null }) {
    super(409, 'already-enrolled', 'Already enrolled', `The teen is already ${existing.status} in this program (enrollment ${existing.id}).`, {
      enrollmentId: existing.id,
      enrollmentStatus: existing.status,
      waitlistPosition: existing.waitlistPosition,
    });
  }
}

export class ProgramFullError extends ProblemError {
  constructor(id: string, capacity: number) {
    super(409, 'program-full', 'Program full', `All ${capacity} seats of program ${id} are taken and it keeps no waitlist.`, { capacity });
  }
}

/** A change the enrollment's status does not allow (withdrawing twice, prioritizing someone with a seat). */
export class EnrollmentStatusConflictError extends ProblemError {
  constructor(id: string, status: string, action: string) {
    super(409, 'enrollment-status-conflict', 'Not allowed in this status', `Enrollment ${id} is ${status}: it cannot be ${action}.`, { enrollmentStatus: status });
  }
}

/** An offered seat answered after its deadline: it is passing, or has passed, to the next in line. */
export class OfferExpiredError extends ProblemError {
  constructor(id: string, expiredAt: Date | null) {
    super(409, 'offer-expired', 'Offer expired', `The seat offered with enrollment ${id} was to be taken by ${expiredAt?.toISOString() ?? 'its deadline'}; it passes to the next in line.`, {
      offerExpiresAt: expiredAt,
    });
  }
}

/** A teen may enroll only themself. */
export class EnrollSelfOnlyError extends ProblemError {
  constructor() {
    super(403, 'enroll-self-only', 'Teens enroll themselves', 'A teen enrolls only themself: leave participantId out.', {
      errors: [{ field: 'participantId', code: 'isSelf', message: 'a teen may only enroll themself' }],
    });
  }
}

export class ParticipantRequiredError extends ProblemError {
  constructor() {
    super(400, 'validation-failed', 'Validation failed', 'The request has 1 invalid field.', {
      errors: [{ field: 'participantId', code: 'isDefined', message: 'participantId is required when staff enroll a teen' }],
    });
  }
}

/** Staff of another branch: the program is public, so this is a 403 rather than a 404. */
export class NotStaffOfProgramError extends ProblemError {
  constructor(programId: string, what: string) {
    super(403, 'branch-not-yours', 'Not your program', `Only an admin or a coordinator of the branch of program ${programId} may ${what}.`);
  }
}

export class RosterNotYoursError extends ProblemError {
  constructor(programId: string) {
    super(403, 'roster-not-yours', 'Not your roster', `Only the program’s staff and the mentors currently assigned to its sessions read the roster of program ${programId}.`);
  }
}

/** A roster with bad rows, imported without importGoodRows: nothing was written. */
export class RosterInvalidError extends ProblemError {
  constructor(rows: number, badRows: number, errors: { row: number; field: string; code: string; message: string }[]) {
    super(
      422,
      'roster-invalid',
      'The roster has bad rows',
      `${badRows} of ${rows} rows have problems, so nothing was imported. Fix them, or import the ${rows - badRows} good rows with importGoodRows=true.`,
      { rows, badRows, errors },
    );
  }
}

/** A file that is not a roster: no header, a column missing or unknown, broken quoting, too many rows. */
export class RosterUnreadableError extends ProblemError {
  constructor(errors: { row: number; field: string; code: string; message: string }[]) {
    super(422, 'roster-unreadable', 'The file is not a roster', errors.map((e) => e.message).join('; '), { errors });
  }
}

/** The import's school or program is not one of the branch's. */
export class NotOfBranchError extends ProblemError {
  constructor(field: 'schoolId' | 'programId', message: string) {
    super(422, 'reference-not-found', field === 'schoolId' ? 'Unknown school' : 'Unknown program', `${field} ${message}.`, {
      errors: [{ field, code: 'exists', message }],
    });
  }
}

/** A teen of the roster enrolled in the program while the import ran: nothing was written, and sending it again works. */
export class AlreadyEnrolledConcurrentlyError extends ProblemError {
  constructor() {
    super(409, 'roster-import-conflict', 'A teen enrolled meanwhile', 'A teen of the roster enrolled in the program while it was imported; nothing was written. Send the roster again.');
  }
}
