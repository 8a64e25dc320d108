import type { EntityManager } from 'typeorm';

/** The posting's row (of a posting the caller has read), locked until the caller's transaction ends: pass the transaction's manager. */
export async function lockInternship(db: EntityManager, id: string): Promise<{ id: string; sponsor_id: string; slots: number }> {
  return (await db.query(`SELECT id, sponsor_id, slots FROM internship WHERE id = $1 FOR UPDATE`, [id]))[0];
}

/** Takes one of the posting's slots if one is free (a guarded update): whether it did. */
export async function takeSlot(db: EntityManager, id: string): Promise<boolean> {
  const [taken] = await db.query(`UPDATE internship SET offered_count = offered_count + 1 WHERE id = $1 AND offered_count < slots RETURNING id`, [id]);
  return taken.length > 0;
}

/** Gives a slot back (an offer declined, withdrawn or rejected). */
export async function giveSlotBack(db: EntityManager, id: string): Promise<void> {
  await db.query(`UPDATE internship SET offered_count = offered_count - 1 WHERE id = $1`, [id]);
}
