import { volunteerHours } from '@codeshelf/attendance';
import { accounts } from '@codeshelf/identity';
import { sponsorNames } from '@codeshelf/partners';
import { mentors, programTerms } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';

/** One mentor's volunteering in the period: sessions and hours, with their employer. */
export interface MentorHoursRow {
  mentorId: string;
  displayName: string;
  employerSponsorId: string | null;
  employerName: string | null;
  sessions: number;
  hours: number;
}

/** $1 employer (null: any), $2 from, $3 to, $4 branches (null: any). */
const MENTOR_HOURS = `
SELECT m.id AS "mentorId", u.display_name AS "displayName", m.employer_sponsor_id AS "employerSponsorId", sp.name AS "employerName",
       count(*)::int AS sessions, round(sum(v.seconds) / 3600, 2)::float8 AS hours
  FROM ${volunteerHours()} v JOIN ${mentors()} m ON m.id = v.mentor_id
  JOIN ${accounts()} u ON u.id = m.user_id LEFT JOIN ${sponsorNames()} sp ON sp.id = m.employer_sponsor_id
 WHERE ($1::uuid IS NULL OR m.employer_sponsor_id = $1)
   AND v.starts_at >= $2::timestamptz AND v.starts_at < $3::timestamptz
   AND ($4::uuid[] IS NULL OR v.program_id IN (SELECT p.id FROM ${programTerms()} p WHERE p.branch_id = ANY($4::uuid[])))
 GROUP BY m.id, m.employer_sponsor_id, u.display_name, sp.id, sp.name ORDER BY hours DESC, m.id`;

/**
 * Volunteer hours by mentor in [from, to) (timestamps PostgreSQL reads, or '-infinity' / 'infinity'), most
 * first: of the employer's mentors if `employerSponsorId`, at sessions of those branches if `branchIds`.
 */
export async function mentorHours(
  db: EntityManager,
  filter: { employerSponsorId: string | null; from: string; to: string; branchIds: string[] | null },
): Promise<MentorHoursRow[]> {
  return db.query(MENTOR_HOURS, [filter.employerSponsorId, filter.from, filter.to, filter.branchIds]);
}
