import { STATUS_CODES } from 'node:http';
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
