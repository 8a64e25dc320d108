import { volunteerHours } from '@codeshelf/attendance';
import { heldSessions, mentors, programTerms, sessionMentors } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';

/** The row of SCOPE_SQL. */
export interface ScopeRow {
  programs: number;
  sessions_held: number;
  instruction_hours: number;
  mentors: number;
  volunteer_hours: number;
  employee_volunteer_hours: number;
}

/** The period's held sessions of the programs, and the mentors' hours in them. $1 programs, $2 from, $3 to, $4 sponsor. */
const SCOPE_SQL = `
WITH held AS (
  SELECT s.id, s.starts_at, s.ends_at
    FROM ${heldSessions()} s JOIN ${programTerms()} p ON p.id = s.program_id
   WHERE s.program_id = ANY($1::uuid[])
     -- The period's days are the branch's days.
     AND s.starts_at >= ($2::date)::timestamp AT TIME ZONE p.timezone AND s.starts_at < ($3::date)::timestamp AT TIME ZONE p.timezone
), volunteering AS (
  -- All the hours and the employer's in one pass: a subquery for each read the volunteering twice, by nested loops.
  SELECT COALESCE(round(sum(v.seconds) / 3600, 2), 0)::float8 AS volunteer_hours,
         COALESCE(round(sum(v.seconds) FILTER (WHERE m.employer_sponsor_id = $4) / 3600, 2), 0)::float8 AS employee_volunteer_hours
    FROM ${volunteerHours()} v JOIN ${mentors()} m ON m.id = v.mentor_id WHERE v.session_id = ANY(ARRAY(SELECT id FROM held))
)
SELECT cardinality($1::uuid[]) AS programs,
  (SELECT count(*)::int FROM held) AS sessions_held,
  (SELECT COALESCE(round(sum(EXTRACT(EPOCH FROM ends_at - starts_at)) / 3600, 2), 0)::float8 FROM held) AS instruction_hours,
  (SELECT count(DISTINCT sm.mentor_id)::int FROM ${sessionMentors()} sm WHERE sm.session_id = ANY(ARRAY(SELECT id FROM held))) AS mentors,
  vo.volunteer_hours, vo.employee_volunteer_hours
  FROM volunteering vo`;

/** The programs' figures of the period [from, to) that count no teens (from and to: dates, or '-infinity' / 'infinity'): one statement. */
export async function scopeMeasures(db: EntityManager, programIds: string[], from: string, to: string, sponsorId: string | null): Promise<ScopeRow> {
  return (await db.query(SCOPE_SQL, [programIds, from, to, sponsorId]))[0];
}
