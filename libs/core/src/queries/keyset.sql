-- The SQL of keyset.ts, written by `npm run lint:tables -- --write`: do not edit.

-- text
SELECT ${source.select}, ${source.sortBy}::text AS page_sort_value FROM ${source.from}
