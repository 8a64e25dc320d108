import { dataSourceOptions, runMigrations, validateEnv } from '@codeshelf/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

// Any fixed number: serialises template creation across the jest workers of one run.
const TEMPLATE_LOCK = 7_406_531_843;

function urlWithDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The URL of this jest worker's database named `suffix` (`w<worker>` is the worker's own), copied from a template
 * that the real migrations built once per run, made on first use.
 */
export async function workerDatabase(suffix = ''): Promise<string> {
  const server = process.env.CODESHELF_TEST_SERVER!;
  const run = process.env.CODESHELF_TEST_RUN!;
  const template = `codeshelf_test_${run}_template`;
  const name = `codeshelf_test_${run}_w${process.env.JEST_WORKER_ID ?? '1'}${suffix ? `_${suffix}` : ''}`;
  const url = urlWithDatabase(server, name);
  if (process.env.DATABASE_URL === url) return url;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const exists = async (database: string) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
    if (!(await exists(template))) {
      await admin.query(`CREATE DATABASE "${template}"`);
      const dataSource = new DataSource({
        ...dataSourceOptions({ ...validateEnv({}), DATABASE_URL: urlWithDatabase(server, template) }),
        entities: [],
      });
      await dataSource.initialize();
      await runMigrations(dataSource);
      await dataSource.destroy();
    }
    if (!(await exists(name))) await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
  return url;
}
