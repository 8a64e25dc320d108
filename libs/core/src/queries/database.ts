import type { Client } from 'pg';
import type { QueryRunner } from 'typeorm';

/**
 * The statements about the database itself rather than a table: the migrations' advisory lock, taken on one
 * connection (`runner`) and released on the same, and the creation of a database on a server.
 */

export async function lockSession(runner: QueryRunner, lock: number): Promise<void> {
  await runner.query('SELECT pg_advisory_lock($1)', [lock]);
}

export async function unlockSession(runner: QueryRunner, lock: number): Promise<void> {
  await runner.query('SELECT pg_advisory_unlock($1)', [lock]);
}

/** Creates `database` on the server `admin` is connected to, unless it exists. */
export async function createDatabaseUnlessExists(admin: Client, database: string): Promise<void> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
}
