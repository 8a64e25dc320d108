-- The SQL of login-erasure.ts, written by `npm run lint:tables -- --write`: do not edit.

-- [row]
SELECT email, display_name FROM user_account WHERE id = $1

-- eraseLogin
UPDATE user_account SET email = 'erased+' || id || '@invalid', display_name = 'Erased participant', password_hash = '', disabled = true, updated_at = now()
    WHERE id = $1
