/**
 * Read model: the programs not yet ended, on their branch's calendar (the last day, `ends_on`, is today or
 * later in the branch's zone), as a relation another feature's statement can join. Columns: id.
 */
export function programsNotEnded(): string {
  return `(SELECT p.id FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.ends_on >= (now() AT TIME ZONE b.timezone)::date)`;
}
