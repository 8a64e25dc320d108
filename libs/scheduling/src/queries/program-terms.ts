/**
 * Read model: every program with its term in its branch's zone, as a relation another feature's statement can
 * join (`JOIN ${programTerms()} p ON p.id = …`). `ended` is true once the program's last day has passed in
 * the branch's zone. Columns: id, branch_id, title, status, starts_on, ends_on, completion_threshold, timezone, ended.
 */
export function programTerms(): string {
  return `(SELECT p.id, p.branch_id, p.title, p.status, p.starts_on, p.ends_on, p.completion_threshold, b.timezone,
          p.ends_on < (now() AT TIME ZONE b.timezone)::date AS ended
     FROM program p JOIN branch b ON b.id = p.branch_id)`;
}
