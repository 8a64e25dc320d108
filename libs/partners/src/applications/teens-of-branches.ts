/**
 * The teens of some branches, as an SQL subquery of participant ids (`:param` is a uuid[] of branch ids): a
 * teen whose home branch is one of them, or who holds a place (enrolled, completed or waitlisted) in a program
 * of one of them. What a coordinator may see of applicants (issue 17, item 5).
 *
 * Kept inside partners for now: the enrollment work of the same issue may add a shared "may this coordinator
 * act on this teen" read in @codeshelf/people, and this should become that.
 */
export const teensOfBranchesSql = (param: string) => `
  SELECT tp.id FROM participant tp WHERE tp.home_branch_id = ANY(CAST(:${param} AS uuid[]))
  UNION
  SELECT te.participant_id FROM enrollment te JOIN program tpr ON tpr.id = te.program_id
   WHERE te.status IN ('enrolled', 'completed', 'waitlisted') AND tpr.branch_id = ANY(CAST(:${param} AS uuid[]))`;
