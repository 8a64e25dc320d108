import { answerClientError, answerFrameworkError, requestContext, requestIdOf, securityHeaders, serveOpenApi, trustProxyOf, validateEnv } from '@codeshelf/core';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { compressTextAnswers, serveWebApp } from './web-app';

/** A roster of 10,000 rows with long names and addresses. */
const CSV_BODY_LIMIT_BYTES = 8 * 1_048_576;

/** Builds the HTTP application exactly as it runs, for main.ts and for the end-to-end tests. */
export async function createApp(): Promise<NestFastifyApplication> {
  const env = validateEnv(process.env);
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    genReqId: requestIdOf,
    trustProxy: trustProxyOf(env),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await compressTextAnswers(app);
  const origins = env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, exposedHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed', 'Content-Disposition'] });
  app.setGlobalPrefix('v1', { exclude: ['health/live', 'health/ready'] });
  app.enableShutdownHooks();
  // Security headers on every answer, errors too; helmet's default CSP still lets /docs run.
  const headers = securityHeaders();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      reply.headers(headers).header('X-Request-Id', request.id);
      // The rest of the request runs inside this context, so an audit event can name the request.
      requestContext.run({ requestId: String(request.id) }, done);
    });
  // Roster imports take the CSV itself as the body; a big school's roster is larger than a JSON body may be.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: Math.max(env.BODY_LIMIT_BYTES, CSV_BODY_LIMIT_BYTES) }, (_request, body, done) => done(null, body));
  serveOpenApi(app);
  await serveWebApp(app, env);
  return app;
}
