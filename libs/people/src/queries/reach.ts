/**
 * SQL: whether the teen `participantId` (an SQL expression) is one of the teens of the branches `:<param>`
 * (a uuid[]): a home branch among them, or a place in a program at one of them (`places`, the relation
 * participant_id, branch_id of ParticipantPlaces.branches()). A teen who signed up has no home branch, so a
 * place is what makes them a club's. The one statement of which teens a coordinator acts on, for every
 * feature (applicants included).
 */
export const ofBranchesSql = (places: string, participantId: string, param: string) => `(
  EXISTS (SELECT 1 FROM participant reach_p WHERE reach_p.id = ${participantId} AND reach_p.home_branch_id = ANY(CAST(:${param} AS uuid[])))
  OR EXISTS (SELECT 1 FROM ${places} reach_e WHERE reach_e.participant_id = ${participantId} AND reach_e.branch_id = ANY(CAST(:${param} AS uuid[]))))`;
