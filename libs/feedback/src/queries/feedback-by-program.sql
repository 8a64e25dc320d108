-- The SQL of feedback-by-program.ts, written by `npm run lint:tables -- --write`: do not edit.

-- feedbackByProgram
(SELECT s.program_id, count(DISTINCT f.participant_id)::int AS raters, count(*)::int AS ratings, avg(f.rating) AS average
   FROM session_feedback f JOIN ${sessions()} s ON s.id = f.session_id WHERE s.held GROUP BY s.program_id)
