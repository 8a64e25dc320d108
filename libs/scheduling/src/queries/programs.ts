/**
 * Read model: every program, as a relation another feature's statement can join (`JOIN ${programs()} pr ON …`).
 * Columns: id, branch_id, starts_on, ends_on, status.
 */
export function programs(): string {
  return `(SELECT p.id, p.branch_id, p.starts_on, p.ends_on, p.status FROM program p)`;
}
