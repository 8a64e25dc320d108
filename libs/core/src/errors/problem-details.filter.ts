import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { redactUrl } from '../logging/redact-url';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { isServerFault, toProblem } from './to-problem';

/** The one place errors become HTTP answers: RFC 9457 problem+json for everything thrown. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception);
    const requestId = String(request.id ?? '');
    if (isServerFault(problem)) {
      const path = redactUrl(request.url);
      this.logger.error({ err: exception, requestId, path }, `${problem.code} on ${request.method} ${path}`);
    }
    // A problem that knows when to retry (an in-flight idempotency key, a locked check-in, a rate limit) says so itself.
    if (typeof problem.extensions?.retryAfterSeconds === 'number') reply.header('Retry-After', String(problem.extensions.retryAfterSeconds));
    reply
      .status(problem.status)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send({
        // Extension members first: they can never overwrite the standard ones.
        ...problem.extensions,
        type: problemType(problem.code),
        title: problem.title,
        status: problem.status,
        ...(problem.detail ? { detail: problem.detail } : {}),
        instance: request.url.split('?')[0],
        code: problem.code,
        requestId,
      });
  }
}
