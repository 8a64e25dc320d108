-- The SQL of program-reads.ts, written by `npm run lint:tables -- --write`: do not edit.

-- NEXT_SESSION
LEFT JOIN LATERAL (
SELECT ns.starts_at, ns.ends_at FROM session ns
 WHERE ns.program_id = p.id AND ns.status = 'scheduled' AND ns.ends_at > now()
 ORDER BY ns.starts_at LIMIT 1) upcoming ON true

-- PROGRAM_VISIBILITY
SELECT id, status, branch_id AS "branchId" FROM program WHERE id = $1
