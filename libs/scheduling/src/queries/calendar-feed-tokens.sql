-- The SQL of calendar-feed-tokens.ts, written by `npm run lint:tables -- --write`: do not edit.

-- deleteFeedToken
DELETE FROM calendar_feed_token WHERE user_id = $1
