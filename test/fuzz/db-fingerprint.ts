import { DataSource } from 'typeorm';

/**
 * Tables a rejected request may still write, each for a reason of its own:
 * - check_in_attempt: a wrong check-in code is counted, so that guessing codes locks the teen out (rule 6).
 * - migrations: only the migration runner writes it; nothing to compare.
 * - rate_limit_counter: every request counts against its caller's limit, refused ones too.
 */
export const WRITTEN_BY_REJECTIONS = new Set(['check_in_attempt', 'migrations', 'rate_limit_counter']);

/** Rows a rejected request may add to a watched table: a refused login is audited, so that guessing shows. */
const REJECTION_ROWS: Record<string, string> = { audit_event: `action <> 'auth.login_failed'` };

/** One row per table: its row count and an md5 over its rows in a fixed order, cheap on the fuzz test's small database. */
export async function fingerprint(db: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const watched = tables.map((t) => t.name).filter((name) => !WRITTEN_BY_REJECTIONS.has(name));
  const sql = watched
    .map((name) => `SELECT '${name}' AS name, count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS print FROM "${name}" t${REJECTION_ROWS[name] ? ` WHERE ${REJECTION_ROWS[name]}` : ''}`)
    .join(' UNION ALL ');
  const rows: { name: string; print: string }[] = await db.query(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/** The tables whose fingerprint differs between two snapshots. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(after).filter((name) => before[name] !== after[name]);
