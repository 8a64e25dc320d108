import { waitlistPeaks } from '@codeshelf/enrollment';
import { internshipOutcomes, type InternshipOutcomes } from '@codeshelf/partners';
import type { EntityManager } from 'typeorm';
import { NO_PARTNER_SCHOOL, programMeasures, type ProgramRow } from './program-measures';
import { scopeMeasures } from './scope-measures';

/** The partitions of a program's teens that reports break down by. */
export type Dimension = 'ageBand' | 'gender' | 'branch' | 'attendance' | 'school';

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
  /** Certificates that stand (not revoked; an erased teen's counts) of the teens who completed the ended program. */
  certificatesIssued: number;
  /** Teens with a seat who came at least once and rated a held session; an erased teen's ratings count. */
  raters: number;
  /** The mean of those raters' ratings (1–5, 2 places), null when none rated. */
  averageRating: number | null;
  cells: Record<Exclude<Dimension, 'branch'>, Cell[]>;
  /** The school partition's groups: the branch's partner schools, then NO_PARTNER_SCHOOL. */
  schoolGroups: string[];
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
  internships: InternshipOutcomes | null;
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

/** The raw measures of the programs in scope: every one a SQL aggregate, all read in one snapshot. */
export async function measure(manager: EntityManager, scope: Scope): Promise<Measures> {
  // One read-only snapshot: the figures of every statement below agree while enrollments change meanwhile.
  const { rows, peaks, s, internships } = await manager.transaction('REPEATABLE READ', async (tx) => {
    await tx.query(`SET TRANSACTION READ ONLY`);
    // The CTEs carry no statistics, so the planner guesses a few hundred rows where there are tens of
    // thousands and sorts them for a merge join; hashing them is several times faster.
    await tx.query(`SET LOCAL enable_mergejoin = off`);
    return {
      rows: await programMeasures(tx, scope.programIds),
      peaks: await waitlistPeaks(tx, scope.programIds),
      s: await scopeMeasures(tx, scope.programIds, scope.from, scope.to, scope.sponsorId),
      internships: scope.sponsorId ? await internshipOutcomes(tx, scope.sponsorId, scope.from, scope.to) : null,
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
      certificatesIssued: row.certificates_issued,
      raters: row.raters,
      averageRating: row.average_rating,
      cells: { ageBand: cellsOf(row, 'ageBand'), gender: cellsOf(row, 'gender'), attendance: cellsOf(row, 'attendance'), school: cellsOf(row, 'school') },
      schoolGroups: [...row.school_groups, NO_PARTNER_SCHOOL],
      monthly: row.monthly,
    })),
  };
}
