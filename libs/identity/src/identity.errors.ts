import { ProblemError } from '@codeshelf/core';

export class EmailTakenError extends ProblemError {
  constructor() {
    super(409, 'email-taken', 'E-mail already registered', 'An account with this e-mail already exists.');
  }
}

export class UserNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'user-not-found', 'User not found', `No user ${id}.`);
  }
}

export class InvalidRoleLinksError extends ProblemError {
  constructor(detail: string, field: string) {
    super(422, 'invalid-role-links', 'Role and links disagree', detail, { errors: [{ field, code: 'roleLinks', message: detail }] });
  }
}

export class UnknownReferenceError extends ProblemError {
  constructor(field: string, what: string) {
    super(422, 'reference-not-found', `Unknown ${what}`, `${field} names a ${what} that does not exist.`, {
      errors: [{ field, code: 'exists', message: `no such ${what}` }],
    });
  }
}

export class InvalidCredentialsError extends ProblemError {
  constructor() {
    super(401, 'invalid-credentials', 'Unauthorized', 'The e-mail or the password is wrong.');
  }
}

export class SponsorNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'sponsor-not-found', 'Sponsor not found', `No sponsor ${id}.`);
  }
}

export class ApiKeyNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'api-key-not-found', 'API key not found', `No API key ${id} for this sponsor.`);
  }
}
