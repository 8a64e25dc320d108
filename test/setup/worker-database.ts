import { workerDatabase } from '../support/databases';

/**
 * Gives this jest worker its own database, copied from a template that the real migrations built
 * once per run; DATABASE_URL points at it before any test file builds the app (also after a file that used another).
 */
async function ensureWorkerDatabase(): Promise<void> {
  process.env.DATABASE_URL = await workerDatabase();
}

// jest reads `testTimeout` from the root config only, not from a project's: the e2e project sets it here.
jest.setTimeout(30_000);

beforeAll(ensureWorkerDatabase, 60_000);
