/** Read model: every branch, as a relation another feature's statement can join. Columns: id, name, timezone. */
export function branches(): string {
  return `(SELECT b.id, b.name, b.timezone FROM branch b)`;
}
