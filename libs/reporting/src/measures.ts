import { ageBandSql, genderGroupSql } from '@codeshelf/people';
import type { EntityManager } from 'typeorm';

/** The partitions of a program's teens that reports break down by. */
export type Dimension = 'ageBand' | 'gender' | 'branch' | 'attendance';

/** The groups of the attendance partition: each teen with a seat is in exactly one. */
export const ATTENDANCE_GROUPS = ['never came', 'below threshold', 'threshold met'] as const;

export interface Cell {
  group: string;
  teens: number;
  /** Those with a held session since they enrolled: the teens the average is over. */
  ratedTeens: number;
  averageAttendanceRate: number | null;
}

/**
 * One program's figures about its teens, before any suppression, over its whole term so far: they do not
 * depend on the period asked for, so every answer about the program is made from the same numbers.
 */
export interface ProgramMeasures {
  programId: string;
  branch: string;
  ended: boolean;
  teensEnrolled: number;
  ratedTeens: number;
  averageAttendanceRate: number | null;
  waitlistedAtPeak: number;
  cells: Record<Exclude<Dimension, 'branch'>, Cell[]>;
  monthly: { month: string; attendances: number; activeTeens: number }[];
}

/** Figures of the period that count no teens: programs, sessions, hours, mentors, internships. */
export interface ScopeMeasures {
  programs: number;
  sessionsHeld: number;
  instructionHours: number;
  mentors: number;
  volunteerHours: number;
  employeeVolunteerHours: number;
  internships: { postings: number; applications: number; offers: number; placements: number; completed: number; hired: number } | null;
}

export interface Measures {
  scope: ScopeMeasures;
  programs: ProgramMeasures[];
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
 * Per seat (enrolled or completed; withdrawn teens leave the numbers) of the programs $1: the held sessions
 * (started, not cancelled) since the teen got it, those attended, and the teen's group in each partition.
 */
const PROGRAMS_SQL = `
WITH progs AS (
  SELECT p.id, b.name AS branch_name, b.timezone, p.starts_on, p.completion_threshold,
         p.ends_on < (now() AT TIME ZONE b.timezone)::date AS ended
    FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = ANY($1::uuid[])
), held AS (
  SELECT s.id, s.program_id, s.ends_at, to_char(s.starts_at AT TIME ZONE p.timezone, 'YYYY-MM') AS month
    FROM session s JOIN progs p ON p.id = s.program_id
   WHERE s.status = 'scheduled' AND s.starts_at <= now()
), seats AS (
  SELECT e.program_id, e.participant_id, e.enrolled_at FROM enrollment e
   WHERE e.program_id = ANY($1::uuid[]) AND e.status IN ('enrolled', 'completed') AND e.enrolled_at IS NOT NULL
), att AS MATERIALIZED (
  -- The held sessions' attendance, read by session through the primary key, then joined by hash.
  SELECT a.session_id, a.participant_id, a.status FROM attendance a WHERE a.session_id = ANY(ARRAY(SELECT id FROM held))
), seat_held AS (
  SELECT s.program_id, s.participant_id, count(h.id)::int AS held,
         count(a.session_id) FILTER (WHERE a.status IN ('present', 'late'))::int AS attended
    FROM seats s
    JOIN held h ON h.program_id = s.program_id AND h.ends_at > s.enrolled_at
    LEFT JOIN att a ON a.session_id = h.id AND a.participant_id = s.participant_id
   GROUP BY s.program_id, s.participant_id
), seat_rows AS MATERIALIZED (
  SELECT s.program_id, COALESCE(m.held, 0) AS held, COALESCE(m.attended, 0) AS attended,
         CASE WHEN m.held > 0 THEN m.attended::numeric / m.held END AS rate,
         -- An erased teen keeps, per program, the band their birth date gave (rule 10).
         COALESCE(pt.erased_age_bands ->> s.program_id::text, ${ageBandSql(`date_part('year', age(p.starts_on, pt.birth_date))::int`)}) AS age_band,
         ${genderGroupSql('pt.gender')} AS gender,
         CASE WHEN COALESCE(m.attended, 0) = 0 THEN 'never came'
              WHEN m.attended >= m.held * p.completion_threshold THEN 'threshold met' ELSE 'below threshold' END AS attendance
    FROM seats s JOIN progs p ON p.id = s.program_id JOIN participant pt ON pt.id = s.participant_id
    LEFT JOIN seat_held m ON m.program_id = s.program_id AND m.participant_id = s.participant_id
), cells AS (
  SELECT program_id, dimension, g, count(*)::int AS n, count(*) FILTER (WHERE held > 0)::int AS rated, round(avg(rate), 4)::float8 AS r
    FROM seat_rows CROSS JOIN LATERAL (VALUES ('ageBand', age_band), ('gender', gender), ('attendance', attendance)) AS d(dimension, g)
   GROUP BY program_id, dimension, g
), months AS MATERIALIZED (
  -- Once for every program: inlined, it ran again per program as nested loops, 10x the whole report's time.
  SELECT program_id, month, sum(n)::int AS attendances, count(*)::int AS active_teens
    FROM (SELECT h.program_id, h.month, a.participant_id, count(*) AS n
            FROM att a JOIN held h ON h.id = a.session_id
            JOIN seats s ON s.program_id = h.program_id AND s.participant_id = a.participant_id AND h.ends_at > s.enrolled_at
           WHERE a.status IN ('present', 'late') GROUP BY h.program_id, h.month, a.participant_id) per_teen
   GROUP BY program_id, month
)
SELECT p.id AS program_id, p.branch_name, p.ended,
       (SELECT count(*)::int FROM seat_rows r WHERE r.program_id = p.id) AS teens_enrolled,
       (SELECT count(*) FILTER (WHERE r.held > 0)::int FROM seat_rows r WHERE r.program_id = p.id) AS rated_teens,
       (SELECT round(avg(r.rate), 4)::float8 FROM seat_rows r WHERE r.program_id = p.id) AS average_attendance_rate,
       (SELECT COALESCE(json_agg(json_build_object('dimension', c.dimension, 'group', c.g, 'teens', c.n, 'ratedTeens', c.rated, 'averageAttendanceRate', c.r)), '[]')
          FROM cells c WHERE c.program_id = p.id) AS cells,
       (SELECT COALESCE(json_agg(json_build_object('month', mo.month, 'attendances', mo.attendances, 'activeTeens', mo.active_teens) ORDER BY mo.month), '[]')
          FROM months mo WHERE mo.program_id = p.id) AS monthly
  FROM progs p ORDER BY p.id`;

/**
 * Peak waitlist per program from the enrollment rows' own times: a teen joined the line at `created_at` if
 * they did not get a seat at once, and left it on promotion or withdrawal.
 */
const WAITLIST_PEAK = `
SELECT program_id, max(running)::int AS peak FROM (
  SELECT e.program_id, sum(ev.delta) OVER (PARTITION BY e.program_id ORDER BY ev.at, ev.delta ROWS UNBOUNDED PRECEDING) AS running
    FROM enrollment e
   CROSS JOIN LATERAL (VALUES (e.created_at, 1), (COALESCE(e.enrolled_at, e.withdrawn_at), -1)) AS ev(at, delta)
   WHERE e.program_id = ANY($1::uuid[]) AND (e.enrolled_at IS NULL OR e.enrolled_at > e.created_at) AND ev.at IS NOT NULL
) events GROUP BY program_id`;

/** The period's held sessions of the programs, and the mentors' hours in them. $1 programs, $2 from, $3 to, $4 sponsor. */
const SCOPE_SQL = `
WITH held AS (
  SELECT s.id, s.starts_at, s.ends_at
    FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
   WHERE s.program_id = ANY($1::uuid[]) AND s.status = 'scheduled' AND s.starts_at <= now()
     -- The period's days are the branch's days.
     AND s.starts_at >= ($2::date)::timestamp AT TIME ZONE b.timezone AND s.starts_at < ($3::date)::timestamp AT TIME ZONE b.timezone
)
SELECT cardinality($1::uuid[]) AS programs,
  (SELECT count(*)::int FROM held) AS sessions_held,
  (SELECT COALESCE(round(sum(EXTRACT(EPOCH FROM ends_at - starts_at)) / 3600, 2), 0)::float8 FROM held) AS instruction_hours,
  (SELECT count(DISTINCT sm.mentor_id)::int FROM session_mentor sm WHERE sm.session_id = ANY(ARRAY(SELECT id FROM held))) AS mentors,
  (SELECT COALESCE(round(sum(EXTRACT(EPOCH FROM h.ends_at - h.starts_at)) / 3600, 2), 0)::float8
     FROM mentor_attendance ma JOIN held h ON h.id = ma.session_id
    WHERE ma.session_id = ANY(ARRAY(SELECT id FROM held)) AND ma.status = 'present') AS volunteer_hours,
  (SELECT COALESCE(round(sum(EXTRACT(EPOCH FROM h.ends_at - h.starts_at)) / 3600, 2), 0)::float8
     FROM mentor_attendance ma JOIN held h ON h.id = ma.session_id JOIN mentor m ON m.id = ma.mentor_id
    WHERE ma.session_id = ANY(ARRAY(SELECT id FROM held)) AND ma.status = 'present' AND m.employer_sponsor_id = $4) AS employee_volunteer_hours`;

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

interface ProgramRow {
  program_id: string;
  branch_name: string;
  ended: boolean;
  teens_enrolled: number;
  rated_teens: number;
  average_attendance_rate: number | null;
  cells: ({ dimension: Exclude<Dimension, 'branch'> } & Cell)[];
  monthly: ProgramMeasures['monthly'];
}

/** The raw measures of the programs in scope: every one a SQL aggregate, all read in one snapshot. */
export async function measure(manager: EntityManager, scope: Scope): Promise<Measures> {
  // One read-only snapshot: the figures of every statement below agree while enrollments change meanwhile.
  const { rows, peaks, s, internships } = await manager.transaction('REPEATABLE READ', async (tx) => {
    await tx.query(`SET TRANSACTION READ ONLY`);
    // The CTEs carry no statistics, so the planner guesses a few hundred rows where there are tens of
    // thousands and sorts them for a merge join; hashing them is several times faster.
    await tx.query(`SET LOCAL enable_mergejoin = off`);
    return {
      rows: (await tx.query(PROGRAMS_SQL, [scope.programIds])) as ProgramRow[],
      peaks: (await tx.query(WAITLIST_PEAK, [scope.programIds])) as { program_id: string; peak: number }[],
      s: (await tx.query(SCOPE_SQL, [scope.programIds, scope.from, scope.to, scope.sponsorId]))[0],
      internships: scope.sponsorId ? (await tx.query(INTERNSHIPS, [scope.sponsorId, scope.from, scope.to]))[0] : null,
    };
  });
  const peakOf = new Map(peaks.map((p) => [p.program_id, p.peak]));
  const cellsOf = (row: ProgramRow, dimension: Exclude<Dimension, 'branch'>) =>
    row.cells.filter((c) => c.dimension === dimension).map(({ dimension: _, ...cell }) => cell);
  return {
    scope: {
      programs: s.programs,
      sessionsHeld: s.sessions_held,
      instructionHours: s.instruction_hours,
      mentors: s.mentors,
      volunteerHours: s.volunteer_hours,
      employeeVolunteerHours: s.employee_volunteer_hours,
      internships: internships ?? null,
    },
    programs: rows.map((row) => ({
      programId: row.program_id,
      branch: row.branch_name,
      ended: row.ended,
      teensEnrolled: row.teens_enrolled,
      ratedTeens: row.rated_teens,
      averageAttendanceRate: row.average_attendance_rate,
      waitlistedAtPeak: peakOf.get(row.program_id) ?? 0,
      cells: { ageBand: cellsOf(row, 'ageBand'), gender: cellsOf(row, 'gender'), attendance: cellsOf(row, 'attendance') },
      monthly: row.monthly,
    })),
  };
}
