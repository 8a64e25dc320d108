-- The SQL of accounts.ts, written by `npm run lint:tables -- --write`: do not edit.

-- accounts
(SELECT u.id, u.email, u.display_name FROM user_account u)
