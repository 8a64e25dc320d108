import type { DataSource, Migration } from 'typeorm';
import { lockSession, unlockSession } from '../queries/database';

// Any fixed number: every Codeshelf process that migrates takes this advisory lock first.
const MIGRATION_LOCK = 7_406_531_842;

/**
 * Applies pending migrations, one transaction each, under an advisory lock so that several
 * API processes starting at once migrate the database exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await lockSession(runner, MIGRATION_LOCK);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await unlockSession(runner, MIGRATION_LOCK).catch(() => undefined);
    await runner.release();
  }
}
