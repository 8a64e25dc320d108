import type { EntityManager } from 'typeorm';

// Any fixed number: every process that makes the first admin takes this advisory lock first.
const FIRST_ADMIN_LOCK = 7_406_531_844;

/** Serialises the making of the first admin until the transaction `db` ends. */
export async function lockFirstAdmin(db: EntityManager): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
}
