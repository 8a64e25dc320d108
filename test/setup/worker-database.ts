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
 * Gives this jest worker its own database, copied from a template that the real migrations built
 * once per run; DATABASE_URL points at it before any test file builds the app.
 */
async function ensureWorkerDatabase(): Promise<void> {
  const server = process.env.CODESHELF_TEST_SERVER!;
  const run = process.env.CODESHELF_TEST_RUN!;
  const template = `codeshelf_test_${run}_template`;
  const mine = `codeshelf_test_${run}_w${process.env.JEST_WORKER_ID ?? '1'}`;
  if (process.env.DATABASE_URL === urlWithDatabase(server, mine)) return;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const exists = async (name: string) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
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
    if (!(await exists(mine))) await admin.query(`CREATE DATABASE "${mine}" TEMPLATE "${template}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
  process.env.DATABASE_URL = urlWithDatabase(server, mine);
}

// jest reads `testTimeout` from the root config only, not from a project's: the e2e project sets it here.
jest.setTimeout(30_000);

beforeAll(ensureWorkerDatabase, 60_000);
