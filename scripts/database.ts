import { startEmbeddedPostgres, validateEnv } from '@codeshelf/core';

/**
 * The database a command-line script works on: DATABASE_URL, else the embedded PostgreSQL that
 * `npm start` uses (shared with it when it is running).
 */
export async function openScriptDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const env = validateEnv(process.env);
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, close: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT, database: 'codeshelf' });
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, close: () => embedded.stop() };
}
