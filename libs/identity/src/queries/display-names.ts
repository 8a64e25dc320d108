/** Read model: each user account's display name, as a relation another feature's statement can join. Columns: id, display_name. */
export function displayNames(): string {
  return `(SELECT u.id, u.display_name FROM user_account u)`;
}
