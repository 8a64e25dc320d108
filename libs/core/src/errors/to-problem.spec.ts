import { BadRequestException, HttpException, HttpStatus, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemError, ValidationFailedError } from './problem';
import { isServerFault, toProblem } from './to-problem';

// What `pg` throws and TypeORM wraps: an Error carrying PostgreSQL's SQLSTATE and message fields.
function queryFailed(fields: { code: string; detail?: string; constraint?: string; column?: string }): QueryFailedError {
  return new QueryFailedError('insert into enrollment values ($1, $2)', ['secret-value', 42], Object.assign(new Error('x'), fields));
}

describe(toProblem.name, () => {
  describe('errors a feature throws on purpose', () => {
    it('passes a ProblemError through with its status, code, title, detail and extensions', () => {
      const error = new ProblemError(409, 'program-full', 'Program full', 'All 30 seats are taken.', { capacity: 30 });

      expect(toProblem(error)).toEqual({
        status: 409,
        code: 'program-full',
        title: 'Program full',
        detail: 'All 30 seats are taken.',
        extensions: { capacity: 30 },
      });
    });

    it('keeps the field list of a validation failure', () => {
      const problem = toProblem(new ValidationFailedError([{ field: 'birthDate', code: 'isBirthDate', message: 'birthDate must be a date' }]));

      expect(problem).toMatchObject({ status: 400, code: 'validation-failed', detail: 'The request has 1 invalid field.' });
      expect(problem.extensions).toEqual({ errors: [{ field: 'birthDate', code: 'isBirthDate', message: 'birthDate must be a date' }] });
    });
  });

  describe("Nest's and Fastify's HTTP exceptions", () => {
    it('answers an unknown route with 404 not-found', () => {
      expect(toProblem(new NotFoundException('Cannot GET /v1/nowhere'))).toEqual({
        status: 404,
        code: 'not-found',
        title: 'Not Found',
        detail: 'Cannot GET /v1/nowhere',
      });
    });

    it('answers a body over the limit with 413 payload-too-large', () => {
      expect(toProblem(new PayloadTooLargeException())).toMatchObject({ status: 413, code: 'payload-too-large', title: 'Payload Too Large' });
    });

    it('answers throttling with 429 too-many-requests', () => {
      expect(toProblem(new HttpException('ThrottlerException: Too Many Requests', HttpStatus.TOO_MANY_REQUESTS))).toMatchObject({
        status: 429,
        code: 'too-many-requests',
        title: 'Too Many Requests',
      });
    });

    it('joins a list of messages into one detail', () => {
      expect(toProblem(new BadRequestException(['a is wrong', 'b is wrong'])).detail).toBe('a is wrong; b is wrong');
    });

    it('answers a body Fastify could not parse as JSON with 400 malformed-json', () => {
      const error = new HttpException('Body is not valid JSON but content-type is set to \'application/json\'', 400, {
        cause: { code: 'FST_ERR_CTP_INVALID_JSON_BODY' },
      });

      expect(toProblem(error)).toEqual({ status: 400, code: 'malformed-json', title: 'Malformed JSON', detail: 'The request body is not valid JSON.' });
    });

    it('answers an empty JSON body with 400 malformed-json', () => {
      const error = new HttpException('Body cannot be empty', 400, { cause: { code: 'FST_ERR_CTP_EMPTY_JSON_BODY' } });

      expect(toProblem(error)).toMatchObject({ status: 400, code: 'malformed-json' });
    });

    it('answers any other 400 as bad-request, not malformed-json', () => {
      expect(toProblem(new BadRequestException('nope'))).toMatchObject({ status: 400, code: 'bad-request', detail: 'nope' });
    });

    it('gives a status without a code of its own a generic http-<status> code', () => {
      expect(toProblem(new HttpException('I am a teapot', 418))).toMatchObject({ status: 418, code: 'http-418' });
    });
  });

  describe('PostgreSQL errors', () => {
    it('answers a duplicate key with 409 naming the columns, not the values', () => {
      const problem = toProblem(
        queryFailed({ code: '23505', constraint: 'uq_enrollment_active', detail: 'Key (program_id, participant_id)=(p-1, teen-7) already exists.' }),
      );

      expect(problem).toMatchObject({ status: 409, code: 'already-exists', extensions: { constraint: 'uq_enrollment_active' } });
      expect(problem.detail).toBe('A record with the same program_id, participant_id already exists.');
      expect(problem.detail).not.toMatch(/p-1|teen-7/);
    });

    it('never repeats the value of a duplicate e-mail', () => {
      const problem = toProblem(queryFailed({ code: '23505', detail: 'Key (email)=(a@b.c) already exists.' }));

      expect(problem.detail).toBe('A record with the same email already exists.');
      expect(JSON.stringify(problem)).not.toContain('a@b.c');
    });

    it('answers a reference to a missing row with 422 reference-not-found', () => {
      const problem = toProblem(
        queryFailed({ code: '23503', detail: 'Key (branch_id)=(0b7c…) is not present in table "branch".', constraint: 'fk_program_branch' }),
      );

      expect(problem).toMatchObject({ status: 422, code: 'reference-not-found', detail: 'The referenced branch_id does not exist.' });
      expect(problem.detail).not.toContain('0b7c');
    });

    it('answers deleting a row others still refer to with 409 still-referenced', () => {
      const problem = toProblem(
        queryFailed({ code: '23503', detail: 'Key (id)=(0b7c…) is still referenced from table "program".', constraint: 'fk_program_branch' }),
      );

      expect(problem).toMatchObject({ status: 409, code: 'still-referenced', extensions: { constraint: 'fk_program_branch' } });
    });

    it('answers a broken check constraint with 422 naming the constraint', () => {
      const problem = toProblem(queryFailed({ code: '23514', constraint: 'ck_program_ages' }));

      expect(problem).toMatchObject({ status: 422, code: 'constraint-violated', detail: 'The change breaks the rule ck_program_ages.' });
    });

    it('answers a malformed value (bad uuid text) with 400 bad-value', () => {
      expect(toProblem(queryFailed({ code: '22P02' }))).toMatchObject({ status: 400, code: 'bad-value' });
    });

    it('answers a statement timeout with 503 so the client retries', () => {
      expect(toProblem(queryFailed({ code: '57014' }))).toMatchObject({ status: 503, code: 'database-unavailable' });
    });

    it('answers a lock timeout, a terminated backend and a crash shutdown with 503 and a time to retry after', () => {
      for (const code of ['55P03', '57P01', '57P02']) {
        expect(toProblem(queryFailed({ code }))).toMatchObject({ status: 503, code: 'database-unavailable', extensions: { retryAfterSeconds: 2 } });
      }
    });

    it('answers a connection lost mid-query (TypeORM wraps it with no SQLSTATE) with 503, not 500', () => {
      const lost = new QueryFailedError('select 1', [], new Error('Connection terminated unexpectedly'));

      expect(toProblem(lost)).toMatchObject({ status: 503, code: 'database-unavailable' });
    });

    it('answers a server that answered nothing in time (pg\'s query_timeout) with 503, not 500', () => {
      const silent = new QueryFailedError('select 1', [], new Error('Query read timeout'));

      expect(toProblem(silent)).toMatchObject({ status: 503, code: 'database-unavailable' });
    });

    it('answers an unexpected SQL error with a 500 that carries neither the SQL nor its parameters', () => {
      const problem = toProblem(queryFailed({ code: '42P01', detail: 'relation "enrollment" does not exist' }));

      expect(problem).toMatchObject({ status: 500, code: 'internal-error' });
      expect(JSON.stringify(problem)).not.toMatch(/insert into|secret-value|relation/);
    });
  });

  describe('faults of ours', () => {
    it('answers a pool that found no free connection in time with 503', () => {
      expect(toProblem(new Error('timeout exceeded when trying to connect'))).toMatchObject({ status: 503, code: 'database-unavailable' });
    });

    it('answers a server still starting up after a crash (57P03 when connecting) with 503', () => {
      const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });

      expect(toProblem(starting)).toMatchObject({ status: 503, code: 'database-unavailable', extensions: { retryAfterSeconds: 2 } });
    });

    it('answers a refused database connection with 503', () => {
      expect(toProblem(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({
        status: 503,
      });
    });

    it('answers a plain Error with 500 and leaks neither its message nor its stack', () => {
      const error = new Error('Cannot read properties of undefined (reading "capacity")');

      const problem = toProblem(error);

      expect(problem).toEqual({ status: 500, code: 'internal-error', title: 'Internal Server Error', detail: 'An unexpected error occurred.' });
      expect(JSON.stringify(problem)).not.toContain('capacity');
      expect(JSON.stringify(problem)).not.toContain(error.stack!.split('\n')[1].trim());
    });

    it('answers something thrown that is not an Error with 500', () => {
      expect(toProblem('boom')).toMatchObject({ status: 500, code: 'internal-error' });
    });
  });
});

describe(isServerFault.name, () => {
  it('counts 5xx as our fault and 4xx as the caller’s', () => {
    expect(isServerFault({ status: 503, code: 'database-unavailable', title: 'Service unavailable' })).toBe(true);
    expect(isServerFault({ status: 500, code: 'internal-error', title: 'Internal Server Error' })).toBe(true);
    expect(isServerFault({ status: 422, code: 'constraint-violated', title: 'Unprocessable Content' })).toBe(false);
  });
});
