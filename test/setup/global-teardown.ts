import { Client } from 'pg';

/** Drops the databases this run made, then stops the embedded PostgreSQL if the run started one. */
export default async function globalTeardown(): Promise<void> {
  const server = process.env.CODESHELF_TEST_SERVER!;
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `codeshelf_test_${process.env.CODESHELF_TEST_RUN}%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await (globalThis as { embeddedPostgres?: { stop(): Promise<void> } }).embeddedPostgres?.stop();
}
