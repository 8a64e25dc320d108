-- The SQL of program-terms.ts, written by `npm run lint:tables -- --write`: do not edit.

-- programTerms
(SELECT p.id, p.branch_id, p.title, p.status, p.starts_on, p.ends_on, p.completion_threshold, b.timezone,
        p.ends_on < (now() AT TIME ZONE b.timezone)::date AS ended
   FROM program p LEFT JOIN branch b ON b.id = p.branch_id)
