import type { EntityManager } from 'typeorm';
import type { Role } from '../principal';

/** An enabled user as a request's principal is made of: the role, the name, the sponsor and the branches. */
export interface PrincipalRow {
  id: string;
  role: Role;
  display_name: string;
  sponsor_id: string | null;
  branch_ids: string[];
}

/** The ids of the active admins other than `id`, each row locked for the rest of the transaction `db`. */
export async function lockOtherActiveAdmins(db: EntityManager, id: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM user_account WHERE role = 'admin' AND NOT disabled AND id <> $1 FOR UPDATE`, [id]);
  return rows.map((r) => r.id);
}

/** The user `userId` with their coordinator branches, unless gone or disabled. */
export async function enabledPrincipal(db: EntityManager, userId: string): Promise<PrincipalRow | undefined> {
  const rows: PrincipalRow[] = await db.query(
    `SELECT u.id, u.role, u.display_name, u.sponsor_id,
            COALESCE(array_agg(cb.branch_id) FILTER (WHERE cb.branch_id IS NOT NULL), '{}') AS branch_ids
       FROM user_account u LEFT JOIN coordinator_branch cb ON cb.user_id = u.id
      WHERE u.id = $1 AND NOT u.disabled
      GROUP BY u.id`,
    [userId],
  );
  return rows[0];
}
