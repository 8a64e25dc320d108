-- The SQL of session-ratings.ts, written by `npm run lint:tables -- --write`: do not edit.

-- sessionRatings
(SELECT f.session_id, f.participant_id, f.rating FROM session_feedback f)
