import { ProblemError } from '../errors/problem';

export class IdempotencyKeyReusedError extends ProblemError {
  constructor() {
    super(422, 'idempotency-key-reused', 'Idempotency key reused', 'This Idempotency-Key was already used for a different request; send a new key for a new request.');
  }
}

export class IdempotencyKeyInFlightError extends ProblemError {
  constructor(retryAfterSeconds: number) {
    super(409, 'idempotency-key-in-flight', 'Request still in progress', 'A request with this Idempotency-Key is still being processed; retry after the time in Retry-After.', {
      retryAfterSeconds,
    });
  }
}
