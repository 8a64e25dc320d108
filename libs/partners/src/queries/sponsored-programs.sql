-- The SQL of sponsored-programs.ts, written by `npm run lint:tables -- --write`: do not edit.

-- SPONSORED
SELECT DISTINCT s.program_id, p.branch_id FROM sponsorship s JOIN ${programTerms()} p ON p.id = s.program_id
 WHERE s.sponsor_id = $1 AND ($2::date IS NULL OR s.ends_on >= $2) AND ($3::date IS NULL OR s.starts_on <= $3) ORDER BY s.program_id
