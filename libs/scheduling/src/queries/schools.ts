/** Read model: every branch's partner schools, as a relation another feature's statement can join. Columns: id, branch_id, name. */
export function schools(): string {
  return `(SELECT sc.id, sc.branch_id, sc.name FROM school sc)`;
}
