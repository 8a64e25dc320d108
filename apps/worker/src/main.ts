import 'reflect-metadata';
import { Scheduler, validateEnv } from '@codeshelf/core';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: runs the scheduled jobs (the outbox's delivery first) alone; start as many as you like beside the API processes. */
async function bootstrap() {
  const env = validateEnv(process.env);
  if (!env.DATABASE_URL) {
    console.error('npm run start:worker needs DATABASE_URL. (npm start on the embedded database delivers the outbox inside the API.)');
    process.exit(2);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Scheduler).start();
}

void bootstrap();
