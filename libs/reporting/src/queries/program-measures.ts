import { attendanceMarks, attendedSql } from '@codeshelf/attendance';
import { issuedCertificates } from '@codeshelf/certificates';
import { seatHolders } from '@codeshelf/enrollment';
import { ratingsGiven } from '@codeshelf/feedback';
import { participantGroups, programAgeBandSql } from '@codeshelf/people';
import { branches, heldSessions, programTerms, schools } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';

/** The school group of teens who came from no partner school of the program's branch (signed up themselves, say). */
export const NO_PARTNER_SCHOOL = 'no partner school';

/** A program's row of PROGRAMS_SQL: its teens' figures over its whole term so far. */
export interface ProgramRow {
  program_id: string;
  branch_name: string;
  ended: boolean;
  teens_enrolled: number;
  rated_teens: number;
  average_attendance_rate: number | null;
  /** Of the teens in "threshold met" of an ended program, those holding a certificate that stands. */
  certificates_issued: number;
  /** Teens with a seat who came at least once (so a part of the active ones) and rated a held session. */
  raters: number;
  /** Their ratings' mean, to 2 places; null when none rated. */
  average_rating: number | null;
  /** The partner schools of the program's branch, by name: the school breakdown's groups besides NO_PARTNER_SCHOOL. */
  school_groups: string[];
  cells: { dimension: 'ageBand' | 'gender' | 'attendance' | 'school'; group: string; teens: number; ratedTeens: number; averageAttendanceRate: number | null }[];
  monthly: { month: string; attendances: number; activeTeens: number }[];
}

/**
 * Per seat (enrolled or completed; withdrawn teens leave the numbers) of the programs $1: the held sessions
 * (started, not cancelled) since the teen got it, those attended, the teen's group in each partition, whether
 * the teen holds a certificate of the program that stands, and the teen's ratings of its held sessions.
 */
const PROGRAMS_SQL = `
WITH progs AS (
  SELECT p.id, p.branch_id, b.name AS branch_name, p.timezone, p.starts_on, p.completion_threshold, p.ended
    FROM ${programTerms()} p JOIN ${branches()} b ON b.id = p.branch_id WHERE p.id = ANY($1::uuid[])
), held AS (
  SELECT s.id, s.program_id, s.ends_at, to_char(s.starts_at AT TIME ZONE p.timezone, 'YYYY-MM') AS month
    FROM ${heldSessions()} s JOIN progs p ON p.id = s.program_id
), seats AS (
  SELECT e.program_id, e.participant_id, e.enrolled_at FROM ${seatHolders()} e
   WHERE e.program_id = ANY($1::uuid[]) AND e.enrolled_at IS NOT NULL
), att AS MATERIALIZED (
  -- The held sessions' attendance, read by session through the primary key, then joined by hash.
  SELECT a.session_id, a.participant_id, a.status FROM ${attendanceMarks()} a WHERE a.session_id = ANY(ARRAY(SELECT id FROM held))
), certified AS (
  SELECT c.program_id, c.participant_id FROM ${issuedCertificates()} c WHERE c.program_id = ANY($1::uuid[])
), rated AS MATERIALIZED (
  -- The held sessions' ratings, read by session like their attendance: each teen's count and sum per program.
  SELECT h.program_id, f.participant_id, count(*)::int AS ratings, sum(f.rating)::int AS rating_sum
    FROM ${ratingsGiven()} f JOIN held h ON h.id = f.session_id
   WHERE f.session_id = ANY(ARRAY(SELECT id FROM held))
   GROUP BY h.program_id, f.participant_id
), seat_held AS (
  SELECT s.program_id, s.participant_id, count(h.id)::int AS held,
         count(a.session_id) FILTER (WHERE ${attendedSql('a.status')})::int AS attended
    FROM seats s
    JOIN held h ON h.program_id = s.program_id AND h.ends_at > s.enrolled_at
    LEFT JOIN att a ON a.session_id = h.id AND a.participant_id = s.participant_id
   GROUP BY s.program_id, s.participant_id
), seat_rows AS MATERIALIZED (
  SELECT s.program_id, COALESCE(m.held, 0) AS held, COALESCE(m.attended, 0) AS attended,
         CASE WHEN m.held > 0 THEN m.attended::numeric / m.held END AS rate,
         ${programAgeBandSql('pt', 's.program_id', 'p.starts_on')} AS age_band,
         pt.gender_group AS gender,
         CASE WHEN COALESCE(m.attended, 0) = 0 THEN 'never came'
              WHEN m.attended >= m.held * p.completion_threshold THEN 'threshold met' ELSE 'below threshold' END AS attendance,
         -- A school of another branch is no partner of this program's: such a teen counts with those of none.
         COALESCE(sc.name, '${NO_PARTNER_SCHOOL}') AS school,
         c.participant_id IS NOT NULL AS certified, COALESCE(fr.ratings, 0) AS ratings, COALESCE(fr.rating_sum, 0) AS rating_sum
    FROM seats s JOIN progs p ON p.id = s.program_id JOIN ${participantGroups()} pt ON pt.id = s.participant_id
    LEFT JOIN seat_held m ON m.program_id = s.program_id AND m.participant_id = s.participant_id
    LEFT JOIN ${schools()} sc ON sc.id = pt.school_id AND sc.branch_id = p.branch_id
    LEFT JOIN certified c ON c.program_id = s.program_id AND c.participant_id = s.participant_id
    LEFT JOIN rated fr ON fr.program_id = s.program_id AND fr.participant_id = s.participant_id
), cells AS (
  SELECT program_id, dimension, g, count(*)::int AS n, count(*) FILTER (WHERE held > 0)::int AS rated, round(avg(rate), 4)::float8 AS r
    FROM seat_rows CROSS JOIN LATERAL (VALUES ('ageBand', age_band), ('gender', gender), ('attendance', attendance), ('school', school)) AS d(dimension, g)
   GROUP BY program_id, dimension, g
), months AS MATERIALIZED (
  -- Once for every program: inlined, it ran again per program as nested loops, 10x the whole report's time.
  SELECT program_id, month, sum(n)::int AS attendances, count(*)::int AS active_teens
    FROM (SELECT h.program_id, h.month, a.participant_id, count(*) AS n
            FROM att a JOIN held h ON h.id = a.session_id
            JOIN seats s ON s.program_id = h.program_id AND s.participant_id = a.participant_id AND h.ends_at > s.enrolled_at
           WHERE ${attendedSql('a.status')} GROUP BY h.program_id, h.month, a.participant_id) per_teen
   GROUP BY program_id, month
)
SELECT p.id AS program_id, p.branch_name, p.ended,
       (SELECT count(*)::int FROM seat_rows r WHERE r.program_id = p.id) AS teens_enrolled,
       (SELECT count(*) FILTER (WHERE r.held > 0)::int FROM seat_rows r WHERE r.program_id = p.id) AS rated_teens,
       (SELECT round(avg(r.rate), 4)::float8 FROM seat_rows r WHERE r.program_id = p.id) AS average_attendance_rate,
       o.certificates_issued, o.raters, o.average_rating,
       (SELECT COALESCE(array_agg(sc.name ORDER BY sc.name), '{}') FROM ${schools()} sc WHERE sc.branch_id = p.branch_id) AS school_groups,
       (SELECT COALESCE(json_agg(json_build_object('dimension', c.dimension, 'group', c.g, 'teens', c.n, 'ratedTeens', c.rated, 'averageAttendanceRate', c.r)), '[]')
          FROM cells c WHERE c.program_id = p.id) AS cells,
       (SELECT COALESCE(json_agg(json_build_object('month', mo.month, 'attendances', mo.attendances, 'activeTeens', mo.active_teens) ORDER BY mo.month), '[]')
          FROM months mo WHERE mo.program_id = p.id) AS monthly
  FROM progs p
 CROSS JOIN LATERAL (
  -- Certificates and raters are counted inside groups the report already has ("threshold met", the active
  -- teens), so that report.ts can suppress them as parts of those groups.
  SELECT count(*) FILTER (WHERE p.ended AND r.certified AND r.attendance = 'threshold met')::int AS certificates_issued,
         count(*) FILTER (WHERE r.ratings > 0 AND r.attended > 0)::int AS raters,
         round(sum(r.rating_sum) FILTER (WHERE r.attended > 0)::numeric / NULLIF(sum(r.ratings) FILTER (WHERE r.attended > 0), 0), 2)::float8 AS average_rating
    FROM seat_rows r WHERE r.program_id = p.id) o
 ORDER BY p.id`;

/** The programs' teens' figures, one row per program that exists, by id: one statement. */
export async function programMeasures(db: EntityManager, programIds: string[]): Promise<ProgramRow[]> {
  return db.query(PROGRAMS_SQL, [programIds]);
}
