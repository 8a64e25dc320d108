import { DataSource } from 'typeorm';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';

/** The real application on this worker's database, ready to serve supertest over HTTP. */
export async function startTestApp(): Promise<NestFastifyApplication> {
  const app = await createApp();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  // Rate-limit counters live in the worker's database: each test file starts with none of an earlier file's.
  await app.get(DataSource).query('TRUNCATE rate_limit_counter');
  return app;
}
