-- The SQL of internship-outcomes.ts, written by `npm run lint:tables -- --write`: do not edit.

-- OUTCOMES
SELECT (SELECT count(*)::int FROM internship WHERE sponsor_id = $1 AND opens_at < $3 AND closes_at >= $2) AS postings,
     count(ap.*)::int AS applications,
     count(*) FILTER (WHERE ap.status IN ('offered', 'accepted', 'declined', 'completed'))::int AS offers,
     count(*) FILTER (WHERE ap.status IN ('accepted', 'completed'))::int AS placements,
     count(*) FILTER (WHERE ap.status = 'completed')::int AS completed,
     count(*) FILTER (WHERE ap.hired)::int AS hired
FROM application ap JOIN internship i ON i.id = ap.internship_id
 WHERE i.sponsor_id = $1 AND i.opens_at < $3 AND i.closes_at >= $2
