-- The SQL of ratings-given.ts, written by `npm run lint:tables -- --write`: do not edit.

-- ratingsGiven
(SELECT f.session_id, f.participant_id, f.rating FROM session_feedback f)
