import type { EntityManager } from 'typeorm';

/** Deletes the user's expired sessions. */
export async function deleteExpiredSessions(db: EntityManager, userId: string): Promise<void> {
  await db.query(`DELETE FROM browser_session WHERE user_id = $1 AND expires_at <= now()`, [userId]);
}

/** The user of the live session (not revoked, not expired) whose token hashes to `tokenHash`, if any. */
export async function liveSessionUser(db: EntityManager, tokenHash: string): Promise<string | undefined> {
  const rows: { user_id: string }[] = await db.query(`SELECT user_id FROM browser_session WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`, [tokenHash]);
  return rows[0]?.user_id;
}
