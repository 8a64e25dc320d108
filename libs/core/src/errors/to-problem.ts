import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { ProblemError } from './problem';

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  extensions?: Record<string, unknown>;
}

const HTTP_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

const UNAVAILABLE: Problem = {
  status: 503,
  code: 'database-unavailable',
  title: 'Service unavailable',
  detail: 'The database is busy or unreachable; try again shortly.',
  extensions: { retryAfterSeconds: 2 },
};

/**
 * Maps anything thrown while serving a request to the problem it stands for. Bad input maps to a 4xx;
 * only a fault of ours is a 500, and its detail never carries a stack or SQL.
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemError) {
    const { status, code, title, detail, extensions } = error;
    return { status, code, title, detail, extensions };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  // TypeORM wraps a connection lost mid-query in QueryFailedError too, with no SQLSTATE on the driver error.
  if (error instanceof QueryFailedError) return isConnectionFault(error.driverError) ? UNAVAILABLE : fromDatabaseError(error.driverError as PgError);
  if (isConnectionFault(error)) return UNAVAILABLE;
  return { status: 500, code: 'internal-error', title: 'Internal Server Error', detail: 'An unexpected error occurred.' };
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const cause = error.cause as { code?: string; name?: string } | undefined;
  if (status === 400 && (cause?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || cause?.name === 'SyntaxError')) {
    return { status, code: 'malformed-json', title: 'Malformed JSON', detail: 'The request body is not valid JSON.' };
  }
  if (status === 400 && cause?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { status, code: 'malformed-json', title: 'Malformed JSON', detail: 'The body is empty but Content-Type is application/json.' };
  }
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  return {
    status,
    code: HTTP_CODES[status] ?? `http-${status}`,
    title: STATUS_CODES[status] ?? 'Error',
    detail: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined,
  };
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
  message?: string;
}

function fromDatabaseError(pg: PgError): Problem {
  const constraint = pg.constraint ? { constraint: pg.constraint } : undefined;
  switch (pg.code) {
    case '23505':
      return { status: 409, code: 'already-exists', title: 'Conflict', detail: `A record with the same ${keyColumns(pg.detail)} already exists.`, extensions: constraint };
    case '23P01':
      return { status: 409, code: 'conflict', title: 'Conflict', detail: 'The change overlaps an existing record.', extensions: constraint };
    case '23503':
      return pg.detail?.includes('is still referenced')
        ? { status: 409, code: 'still-referenced', title: 'Conflict', detail: 'Other records still refer to this one.', extensions: constraint }
        : { status: 422, code: 'reference-not-found', title: 'Unprocessable Content', detail: `The referenced ${keyColumns(pg.detail)} does not exist.`, extensions: constraint };
    case '23514':
    case '23502':
      return { status: 422, code: 'constraint-violated', title: 'Unprocessable Content', detail: `The change breaks the rule ${pg.constraint ?? pg.column ?? 'of this record'}.`, extensions: constraint };
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22023':
      return { status: 400, code: 'bad-value', title: 'Bad Request', detail: 'A value in the request is out of range or malformed.' };
    case '57014': // statement timeout
    case '55P03': // lock timeout
    case '40001':
    case '40P01':
    case '53300': // too many connections
    case '57P01': // admin shutdown
    case '57P02': // crash shutdown
    case '57P03': // cannot connect now
      return UNAVAILABLE;
    default:
      return { status: 500, code: 'internal-error', title: 'Internal Server Error', detail: 'An unexpected error occurred.' };
  }
}

// pg's detail reads `Key (program_id, participant_id)=(…) already exists.`: name the columns, never the values.
function keyColumns(detail?: string): string {
  const match = detail?.match(/^Key \(([^)]+)\)/);
  return match ? match[1] : 'key';
}

// No free pooled connection in time, a server that refuses or drops connections, one shutting down or starting
// up, or one that stopped answering (pg's query_timeout: 'Query read timeout').
function isConnectionFault(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  return (
    /timeout exceeded when trying to connect|Connection terminated|connection timeout|Query read timeout/i.test(error.message) ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) ||
    code.startsWith('08') // connection exception class
  );
}

export const isServerFault = (problem: Problem) => problem.status >= HttpStatus.INTERNAL_SERVER_ERROR;
