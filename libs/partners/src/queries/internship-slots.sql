-- The SQL of internship-slots.ts, written by `npm run lint:tables -- --write`: do not edit.

-- lockInternship
SELECT id, sponsor_id, slots FROM internship WHERE id = $1 FOR UPDATE

-- [taken]
UPDATE internship SET offered_count = offered_count + 1 WHERE id = $1 AND offered_count < slots RETURNING id

-- giveSlotBack
UPDATE internship SET offered_count = offered_count - 1 WHERE id = $1
