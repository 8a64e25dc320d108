/**
 * Read model: every account's login address and display name, as a relation another feature's statement can
 * join (`LEFT JOIN ${accounts()} u ON u.id = …`). Columns: id, email, display_name.
 */
export function accounts(): string {
  return `(SELECT u.id, u.email, u.display_name FROM user_account u)`;
}
