import type { EntityManager } from 'typeorm';

/** Read model: the id of every branch. */
export async function branchIds(db: EntityManager): Promise<string[]> {
  return (await db.query<{ id: string }[]>('SELECT id FROM branch')).map((b) => b.id);
}
