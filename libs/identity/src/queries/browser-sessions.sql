-- The SQL of browser-sessions.ts, written by `npm run lint:tables -- --write`: do not edit.

-- deleteExpiredSessions
DELETE FROM browser_session WHERE user_id = $1 AND expires_at <= now()

-- rows
SELECT user_id FROM browser_session WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
