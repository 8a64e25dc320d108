import 'reflect-metadata';
import { buildOpenApiDocument } from '@codeshelf/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createApp } from '../apps/api/src/create-app';
import { openScriptDatabase } from './database';

/**
 * Writes the OpenAPI document the API serves at /docs-json to a file (default openapi.json), for
 * spectral and openapi-typescript. The app connects to a database while it is built, so this uses the
 * script's database (DATABASE_URL, else the embedded one) but never serves HTTP.
 */
async function main(out = 'openapi.json') {
  process.env.LOG_LEVEL ??= 'warn';
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const database = await openScriptDatabase();
  const app = await createApp();
  try {
    await app.init();
    writeFileSync(resolve(out), `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
    console.info(`wrote ${resolve(out)}`);
  } finally {
    await app.close();
    await database.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
