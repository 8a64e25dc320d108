import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../apps/api/src/app.module';
import { openScriptDatabase } from './database';

/** Runs `work` inside the application (no HTTP) on the script's database, then closes both. */
export async function withAppContext(work: (app: INestApplicationContext) => Promise<void>): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const database = await openScriptDatabase();
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    await work(app);
  } finally {
    await app.close();
    await database.close();
  }
}
