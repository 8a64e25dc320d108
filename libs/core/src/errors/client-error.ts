import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers-too-large', detail: 'The request line and headers exceed the allowed size; a long query string counts too.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request-timeout', detail: 'The request did not arrive in time.' },
};

/**
 * Fastify's clientErrorHandler: a request Node's parser refuses (headers too large, malformed) never
 * reaches Nest, so its answer is written here, as problem+json like every other 4xx.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, code: 'bad-request', detail: 'The request is not valid HTTP.' };
  const body = JSON.stringify({ type: problemType(code), title: STATUS_CODES[status], status, detail, code });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

const FRAMEWORK_ERRORS: Record<string, { code: string; detail: string }> = {
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri-too-long', detail: 'A path segment is longer than any identifier of this API.' },
  FST_ERR_BAD_URL: { code: 'bad-url', detail: 'The URL is not validly percent-encoded.' },
};

/**
 * Fastify's frameworkErrors: a URL its router refuses (a path segment too long, bad percent-encoding) is
 * answered before Nest routes it, so as problem+json here.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const { code, detail } = FRAMEWORK_ERRORS[error.code] ?? { code: `http-${status}`, detail: undefined };
  const body = { type: problemType(code), title: STATUS_CODES[status], status, ...(detail ? { detail } : {}), code, requestId: String(request.id) };
  reply.code(status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
