import { ProblemError } from '@codeshelf/core';

/** No such certificate, or not one the caller may see: the same answer, so existence does not leak. */
export class CertificateNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'certificate-not-found', 'Certificate not found', `No certificate ${id}.`);
  }
}

/** The public answer to a code Codeshelf never issued, whatever its shape. */
export class CertificateNotGenuineError extends ProblemError {
  constructor() {
    super(404, 'certificate-not-genuine', 'Not a genuine certificate', 'No certificate with this verification code was ever issued.');
  }
}

export class ProgramNotEndedError extends ProblemError {
  constructor(endsOn: string) {
    super(409, 'program-not-ended', 'Program not ended', `Completion is decided once the program has ended (its last day is ${endsOn}).`);
  }
}

export class CertificateRevokedError extends ProblemError {
  constructor(revokedAt: Date) {
    super(409, 'certificate-revoked', 'Certificate revoked', `This certificate was revoked on ${revokedAt.toISOString().slice(0, 10)}.`);
  }
}

/** An erased teen's certificate names nobody any more: there is no PDF to make. */
export class CertificateErasedError extends ProblemError {
  constructor() {
    super(410, 'certificate-erased', 'Certificate withdrawn', 'The teen this certificate was issued to asked for their data to be erased.');
  }
}
