import { resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { Env } from '../config/env';
import { QueryTimeoutClient } from './query-timeout-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// The project root in the sources, or dist/apps/api once built: both hold libs/ and migrations/ below it.
const ROOT = resolve(__dirname, '../../../..');

export type DatabaseEnv = Pick<
  Env,
  | 'DATABASE_URL'
  | 'DB_POOL_SIZE'
  | 'DB_STATEMENT_TIMEOUT_MS'
  | 'DB_LOCK_TIMEOUT_MS'
  | 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'
  | 'DB_CONNECTION_TIMEOUT_MS'
>;

/**
 * statement_timeout bounds a query on a server that works (PostgreSQL cancels it and says so). A server that
 * stopped answering (frozen, cut off by the network) says nothing, so pg gives up on its own clock a little
 * later than the server would have: such a request fails with 503 instead of hanging, and its connection is
 * closed rather than lent again behind the unanswered query (QueryTimeoutClient).
 */
const QUERY_TIMEOUT_MARGIN_MS = 5_000;

/** The one DataSource definition: the API, the tests, the seed and the TypeORM CLI all start from it. */
export function dataSourceOptions(env: DatabaseEnv): DataSourceOptions {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [resolve(ROOT, 'libs/*/src/**/*.entity.{ts,js}')],
    migrations: [resolve(ROOT, 'migrations/*.{ts,js}')],
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: env.DB_POOL_SIZE,
      connectionTimeoutMillis: env.DB_CONNECTION_TIMEOUT_MS,
      ...(env.DB_STATEMENT_TIMEOUT_MS ? { query_timeout: env.DB_STATEMENT_TIMEOUT_MS + QUERY_TIMEOUT_MARGIN_MS, Client: QueryTimeoutClient } : {}),
      statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
      lock_timeout: env.DB_LOCK_TIMEOUT_MS,
      idle_in_transaction_session_timeout: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      application_name: 'codeshelf',
    },
  };
}
