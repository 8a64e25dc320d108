import type { EntityManager } from 'typeorm';

/** What a login holds that names its person: the address and the display name. */
export interface LoginNames {
  email: string;
  displayName: string;
}

/** The address and the name of the login `userId`, if there is one: an erasure replaces their copies in kept records. */
export async function loginNames(db: EntityManager, userId: string): Promise<LoginNames | undefined> {
  const [row]: { email: string; display_name: string }[] = await db.query(`SELECT email, display_name FROM user_account WHERE id = $1`, [userId]);
  return row && { email: row.email, displayName: row.display_name };
}

/**
 * Erases a login (rule 10, in the erasure's transaction `db`): it stops working and keeps no address, name or
 * password; the unique e-mail gets a placeholder.
 */
export async function eraseLogin(db: EntityManager, userId: string): Promise<void> {
  await db.query(
    `UPDATE user_account SET email = 'erased+' || id || '@invalid', display_name = 'Erased participant', password_hash = '', disabled = true, updated_at = now()
      WHERE id = $1`,
    [userId],
  );
}
