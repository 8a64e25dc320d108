import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
      this.logger.error({ err: exception, requestId, path: request.url }, `${problem.code} on ${request.method} ${request.url}`);
    }
    const headers = reply.getHeaders();
    if (problem.status === 429 && !headers['retry-after']) reply.header('Retry-After', '60');
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
