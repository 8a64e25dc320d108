-- The SQL of reach.ts, written by `npm run lint:tables -- --write`: do not edit.

-- ofBranchesSql
(
EXISTS (SELECT 1 FROM participant reach_p WHERE reach_p.id = ${participantId} AND reach_p.home_branch_id = ANY(CAST(:${param} AS uuid[])))
OR EXISTS (SELECT 1 FROM ${places} reach_e WHERE reach_e.participant_id = ${participantId} AND reach_e.branch_id = ANY(CAST(:${param} AS uuid[]))))
