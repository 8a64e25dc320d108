-- The SQL of internship-sponsors.ts, written by `npm run lint:tables -- --write`: do not edit.

-- [row]
SELECT i.title, s.name AS "sponsorName", s.contact_email AS "sponsorEmail" FROM internship i JOIN sponsor s ON s.id = i.sponsor_id WHERE i.id = $1
