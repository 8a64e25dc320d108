-- The SQL of participant-ages.ts, written by `npm run lint:tables -- --write`: do not edit.

-- participantAges
(SELECT pt.id, date_part('year', age((now() AT TIME ZONE 'UTC')::date, pt.birth_date)) AS age FROM participant pt WHERE pt.erased_at IS NULL)
