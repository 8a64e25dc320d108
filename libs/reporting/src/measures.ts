import { ageBandSql, genderGroupSql } from '@codeshelf/people';
import type { EntityManager } from 'typeorm';

/** The numbers behind a report, before any suppression: every one a SQL aggregate. */
export interface Measures {
  programs: number;
  sessionsHeld: number;
  instructionHours: number;
  teensEnrolled: number;
  teensActive: number;
  waitlistedAtPeak: number;
  ratedTeens: number;
  averageAttendanceRate: number | null;
  teensRateAtLeast80: number;
  stillAttendingLastQuarter: number;
  finishedEnrollments: number;
  completedEnrollments: number;
  mentors: number;
  volunteerHours: number;
  employeeVolunteerHours: number;
  internships: { postings: number; applications: number; offers: number; placements: number; completed: number; hired: number } | null;
  breakdowns: Record<'ageBand' | 'gender' | 'branch', { group: string; teens: number; averageAttendanceRate: number | null }[]>;
  monthly: { month: string; attendances: number; activeTeens: number }[];
}

export interface Scope {
  programIds: string[];
  /** Sessions starting in [from, to): timestamps PostgreSQL reads, or '-infinity' / 'infinity'. */
  from: string;
  to: string;
  /** The sponsor whose employees' hours and internships count; null for a program summary. */
  sponsorId: string | null;
}

/**
 * Rule 7's seats (enrolled or completed; withdrawn teens leave the numbers) and held sessions (started,
 * not cancelled, in the period) of the programs in scope; a teen counts once, in the branch and age band
 * of their first seat. $1 programs, $2 from, $3 to, $4 sponsor.
 */
const BASE = `
WITH progs AS (
  SELECT p.id, b.name AS branch_name, b.timezone, p.starts_on, p.completion_threshold,
         p.ends_on < (now() AT TIME ZONE b.timezone)::date AS ended,
         p.starts_on + (p.ends_on - p.starts_on) * 3 / 4 AS last_quarter_from
    FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = ANY($1::uuid[])
), held AS (
  SELECT s.id, s.program_id, s.starts_at, s.ends_at, (s.starts_at AT TIME ZONE p.timezone)::date >= p.last_quarter_from AS late_in_term,
         to_char(s.starts_at AT TIME ZONE p.timezone, 'YYYY-MM') AS month
    FROM session s JOIN progs p ON p.id = s.program_id
   WHERE s.status = 'scheduled' AND s.starts_at <= now()
     -- The period's days are the branch's days.
     AND s.starts_at >= ($2::date)::timestamp AT TIME ZONE p.timezone AND s.starts_at < ($3::date)::timestamp AT TIME ZONE p.timezone
), seats AS (
  SELECT e.program_id, e.participant_id, e.enrolled_at FROM enrollment e
   WHERE e.program_id = ANY($1::uuid[]) AND e.status IN ('enrolled', 'completed') AND e.enrolled_at IS NOT NULL
), att AS MATERIALIZED (
  -- The held sessions' attendance, read by session through the primary key, then joined by hash.
  SELECT a.session_id, a.participant_id, a.status FROM attendance a WHERE a.session_id = ANY(ARRAY(SELECT id FROM held))
), seat_held AS (
  -- Per seat, the held sessions since the teen got it (unrecorded ones count as not attended).
  SELECT s.program_id, s.participant_id, count(h.id)::int AS held,
         count(a.session_id) FILTER (WHERE a.status IN ('present', 'late'))::int AS attended,
         bool_or(h.late_in_term AND a.status IN ('present', 'late')) AS late_in_term
    FROM seats s
    JOIN held h ON h.program_id = s.program_id AND h.ends_at > s.enrolled_at
    LEFT JOIN att a ON a.session_id = h.id AND a.participant_id = s.participant_id
   GROUP BY s.program_id, s.participant_id
), seat_rows AS (
  SELECT s.program_id, s.participant_id, s.enrolled_at, p.ended, p.completion_threshold, p.branch_name, p.starts_on,
         COALESCE(m.held, 0) AS held, COALESCE(m.attended, 0) AS attended, COALESCE(m.late_in_term, false) AS late_in_term
    FROM seats s JOIN progs p ON p.id = s.program_id
    LEFT JOIN seat_held m ON m.program_id = s.program_id AND m.participant_id = s.participant_id
), teens AS (
  SELECT r.participant_id, sum(r.held)::int AS held, sum(r.attended)::int AS attended, bool_or(r.late_in_term) AS late_in_term,
         (array_agg(r.branch_name ORDER BY r.enrolled_at, r.program_id))[1] AS branch,
         (array_agg(r.starts_on ORDER BY r.enrolled_at, r.program_id))[1] AS first_start,
         (array_agg(r.program_id ORDER BY r.enrolled_at, r.program_id))[1] AS first_program
    FROM seat_rows r GROUP BY r.participant_id
), teen_groups AS (
  SELECT t.*, CASE WHEN t.held > 0 THEN t.attended::numeric / t.held END AS rate,
         -- An erased teen keeps, per program, the band their birth date gave (rule 10).
         COALESCE(pt.erased_age_bands ->> t.first_program::text, ${ageBandSql('age')}) AS age_band,
         ${genderGroupSql('pt.gender')} AS gender
    FROM teens t JOIN participant pt ON pt.id = t.participant_id
   CROSS JOIN LATERAL (SELECT date_part('year', age(t.first_start, pt.birth_date))::int AS age) a
)`;

/**
 * Rule 7 judges a finished enrollment over all its held sessions, whatever period the report covers: with a
 * period, completion is counted over every held session of the ended programs, not only the period's.
 */
const COMPLETION = `, completion AS (
  SELECT s.program_id, s.participant_id, p.ended, p.completion_threshold, count(x.id)::int AS held,
         count(a.session_id) FILTER (WHERE a.status IN ('present', 'late'))::int AS attended
    FROM seats s JOIN progs p ON p.id = s.program_id AND p.ended
    JOIN session x ON x.program_id = s.program_id AND x.status = 'scheduled' AND x.starts_at <= now() AND x.ends_at > s.enrolled_at
    LEFT JOIN attendance a ON a.session_id = x.id AND a.participant_id = s.participant_id
   GROUP BY s.program_id, s.participant_id, p.ended, p.completion_threshold
)`;

const breakdown = (column: string) =>
  `(SELECT COALESCE(json_agg(json_build_object('group', g, 'teens', n, 'averageAttendanceRate', r) ORDER BY g), '[]')
      FROM (SELECT ${column} AS g, count(*)::int AS n, round(avg(rate), 4)::float8 AS r FROM teen_groups GROUP BY ${column}) x)`;

const measuresSql = (whole: boolean) => `${BASE}${whole ? '' : COMPLETION}
SELECT
  (SELECT count(*)::int FROM progs) AS programs,
  (SELECT count(*)::int FROM held) AS sessions_held,
  (SELECT COALESCE(round(sum(EXTRACT(EPOCH FROM ends_at - starts_at)) / 3600, 2), 0)::float8 FROM held) AS instruction_hours,
  (SELECT count(*)::int FROM teens) AS teens_enrolled,
  (SELECT count(*) FILTER (WHERE attended > 0)::int FROM teens) AS teens_active,
  (SELECT count(*) FILTER (WHERE held > 0)::int FROM teens) AS rated_teens,
  (SELECT round(avg(rate), 4)::float8 FROM teen_groups) AS average_attendance_rate,
  (SELECT count(*) FILTER (WHERE rate >= 0.8)::int FROM teen_groups) AS teens_rate_at_least_80,
  (SELECT count(*) FILTER (WHERE late_in_term)::int FROM teens) AS still_attending_last_quarter,
  (SELECT count(*) FILTER (WHERE ended)::int FROM seat_rows) AS finished_enrollments,
  (SELECT count(*) FILTER (WHERE ended AND held > 0 AND attended >= held * completion_threshold)::int FROM ${whole ? 'seat_rows' : 'completion'}) AS completed_enrollments,
  (SELECT count(DISTINCT sm.mentor_id)::int FROM session_mentor sm WHERE sm.session_id = ANY(ARRAY(SELECT id FROM held))) AS mentors,
  (SELECT COALESCE(round(sum(EXTRACT(EPOCH FROM h.ends_at - h.starts_at)) / 3600, 2), 0)::float8
     FROM mentor_attendance ma JOIN held h ON h.id = ma.session_id
    WHERE ma.session_id = ANY(ARRAY(SELECT id FROM held)) AND ma.status = 'present') AS volunteer_hours,
  (SELECT COALESCE(round(sum(EXTRACT(EPOCH FROM h.ends_at - h.starts_at)) / 3600, 2), 0)::float8
     FROM mentor_attendance ma JOIN held h ON h.id = ma.session_id JOIN mentor m ON m.id = ma.mentor_id
    WHERE ma.session_id = ANY(ARRAY(SELECT id FROM held)) AND ma.status = 'present' AND m.employer_sponsor_id = $4) AS employee_volunteer_hours,
  ${breakdown('age_band')} AS by_age_band,
  ${breakdown('gender')} AS by_gender,
  ${breakdown('branch')} AS by_branch,
  (SELECT COALESCE(json_agg(json_build_object('month', month, 'attendances', n, 'activeTeens', a) ORDER BY month), '[]')
     FROM (SELECT month, sum(n)::int AS n, count(*)::int AS a
             FROM (SELECT h.month, a.participant_id, count(*) AS n
                     FROM att a JOIN held h ON h.id = a.session_id
                     JOIN seats s ON s.program_id = h.program_id AND s.participant_id = a.participant_id AND h.ends_at > s.enrolled_at
                    WHERE a.status IN ('present', 'late') GROUP BY h.month, a.participant_id) per_teen
            GROUP BY month) x) AS monthly`;

/**
 * Peak waitlist per program from the enrollment rows' own times: a teen joined the line at `created_at` if
 * they did not get a seat at once, and left it on promotion or withdrawal. Summed over the programs.
 */
const WAITLIST_PEAK = `
SELECT COALESCE(sum(peak), 0)::int AS waitlisted_at_peak FROM (
  SELECT max(running) AS peak FROM (
    SELECT e.program_id, sum(ev.delta) OVER (PARTITION BY e.program_id ORDER BY ev.at, ev.delta ROWS UNBOUNDED PRECEDING) AS running
      FROM enrollment e
     CROSS JOIN LATERAL (VALUES (e.created_at, 1), (COALESCE(e.enrolled_at, e.withdrawn_at), -1)) AS ev(at, delta)
     WHERE e.program_id = ANY($1::uuid[]) AND (e.enrolled_at IS NULL OR e.enrolled_at > e.created_at) AND ev.at IS NOT NULL AND e.created_at < $2
  ) events GROUP BY program_id
) peaks`;

/** The sponsor's postings open at some time in the period, and where their applications stand now. */
const INTERNSHIPS = `
SELECT (SELECT count(*)::int FROM internship WHERE sponsor_id = $1 AND opens_at < $3 AND closes_at >= $2) AS postings,
       count(ap.*)::int AS applications,
       count(*) FILTER (WHERE ap.status IN ('offered', 'accepted', 'declined', 'completed'))::int AS offers,
       count(*) FILTER (WHERE ap.status IN ('accepted', 'completed'))::int AS placements,
       count(*) FILTER (WHERE ap.status = 'completed')::int AS completed,
       count(*) FILTER (WHERE ap.hired)::int AS hired
  FROM application ap JOIN internship i ON i.id = ap.internship_id
 WHERE i.sponsor_id = $1 AND i.opens_at < $3 AND i.closes_at >= $2`;

export async function measure(manager: EntityManager, scope: Scope): Promise<Measures> {
  const [[m], [peak], internships] = await Promise.all([
    // The CTEs carry no statistics, so the planner guesses a few hundred rows where there are tens of
    // thousands and sorts them for a merge join; hashing them is several times faster.
    manager.transaction(async (tx) => {
      await tx.query(`SET LOCAL enable_mergejoin = off`);
      return tx.query(measuresSql(scope.from === '-infinity' && scope.to === 'infinity'), [scope.programIds, scope.from, scope.to, scope.sponsorId]);
    }),
    manager.query(WAITLIST_PEAK, [scope.programIds, scope.to]),
    scope.sponsorId ? manager.query(INTERNSHIPS, [scope.sponsorId, scope.from, scope.to]) : Promise.resolve([null]),
  ]);
  return {
    programs: m.programs,
    sessionsHeld: m.sessions_held,
    instructionHours: m.instruction_hours,
    teensEnrolled: m.teens_enrolled,
    teensActive: m.teens_active,
    waitlistedAtPeak: peak.waitlisted_at_peak,
    ratedTeens: m.rated_teens,
    averageAttendanceRate: m.average_attendance_rate,
    teensRateAtLeast80: m.teens_rate_at_least_80,
    stillAttendingLastQuarter: m.still_attending_last_quarter,
    finishedEnrollments: m.finished_enrollments,
    completedEnrollments: m.completed_enrollments,
    mentors: m.mentors,
    volunteerHours: m.volunteer_hours,
    employeeVolunteerHours: m.employee_volunteer_hours,
    internships: internships[0] ?? null,
    breakdowns: { ageBand: m.by_age_band, gender: m.by_gender, branch: m.by_branch },
    monthly: m.monthly,
  };
}
