/** Read model: every sponsor's name, as a relation another feature's statement can join. Columns: id, name. */
export function sponsorNames(): string {
  return `(SELECT sp.id, sp.name FROM sponsor sp)`;
}
