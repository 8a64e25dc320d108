import 'reflect-metadata';
import { startEmbeddedPostgres, validateEnv } from '@codeshelf/core';
import { Logger } from '@nestjs/common';
import { createApp } from './create-app';

async function bootstrap() {
  const logger = new Logger('Bootstrap');
  const env = validateEnv(process.env);
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT, database: 'codeshelf' });
  if (embedded) {
    process.env.DATABASE_URL = embedded.url;
    // A local install has no separate worker: this process delivers the outbox too.
    process.env.WORKER_IN_PROCESS ??= 'true';
    logger.log(`no DATABASE_URL given: using the embedded PostgreSQL at ${embedded.url.replace(/:[^:@]*@/, ':***@')}`);
  }
  const app = await createApp();
  if (embedded) {
    // Ctrl-C or SIGTERM: stop PostgreSQL cleanly once the API stops serving.
    app.getHttpServer().on('close', () => void embedded.stop());
  }
  await app.listen(env.PORT, env.HOST);
  const url = `http://localhost:${env.PORT}`;
  logger.log(`Codeshelf API on ${url} — docs at ${url}/docs, OpenAPI at ${url}/docs-json`);
}

void bootstrap();
