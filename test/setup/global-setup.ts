import { startEmbeddedPostgres } from '../../libs/core/src/database/embedded-postgres';

/**
 * Finds the PostgreSQL the end-to-end tests use: TEST_DATABASE_URL or DATABASE_URL, else the embedded
 * one under .data/test-postgres. Workers build their own databases from it (see worker-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  process.env.NODE_ENV = 'test';
  // Tests give each sign-up its own X-Forwarded-For address, so that rate limits of different tests never meet.
  process.env.TRUST_PROXY = 'true';
  // Every test logs its users in from 127.0.0.1, and the fuzz and property tests send thousands of requests as
  // one user: no test meets a limit by accident. Each limit has its own tests, on an app built with it low.
  process.env.LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE ??= '100000';
  process.env.RATE_LIMIT_PER_USER_PER_MINUTE ??= '1000000';
  process.env.RATE_LIMIT_PER_API_KEY_PER_MINUTE ??= '1000000';
  process.env.RATE_LIMIT_ANONYMOUS_PER_ADDRESS_PER_MINUTE ??= '1000000';
  process.env.CODESHELF_TEST_RUN = `${Date.now().toString(36)}_${process.pid}`;
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    process.env.CODESHELF_TEST_SERVER = given;
    return;
  }
  const embedded = await startEmbeddedPostgres({ dataDir: '.data/test-postgres', port: 54339, database: 'postgres' });
  (globalThis as { embeddedPostgres?: typeof embedded }).embeddedPostgres = embedded;
  process.env.CODESHELF_TEST_SERVER = embedded.url;
}
