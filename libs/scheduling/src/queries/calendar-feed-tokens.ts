import type { EntityManager } from 'typeorm';

/** The user's calendar feed secret goes: their feed URL stops working. */
export async function deleteFeedToken(db: EntityManager, userId: string): Promise<void> {
  await db.query(`DELETE FROM calendar_feed_token WHERE user_id = $1`, [userId]);
}
