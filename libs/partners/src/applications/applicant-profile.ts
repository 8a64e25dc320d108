import { ineligibility, type TeenStanding } from '../internships/eligibility';
import type { InternshipEntity } from '../internships/internship.entity';

/**
 * What a sponsor may learn of an applicant who did not share their profile (issue 17, item 3): what the
 * posting's eligibility rules need, coarse bands, the sponsor's own sponsored programs, and nothing that fewer
 * than REPORT_MIN_CELL teens of the library share. This file is the rule; `ApplicantCohorts` counts the teens.
 */

/** The age bands of the sponsor's outcome reports (`ageBandSql` in @codeshelf/people): whole years, both ends inclusive. */
export const AGE_BANDS = [
  { label: 'under 13', min: null, max: 12 },
  { label: '13-14', min: 13, max: 14 },
  { label: '15-16', min: 15, max: 16 },
  { label: '17-18', min: 17, max: 18 },
  { label: '19 and over', min: 19, max: null },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['label'];

/** Bands of the standing rate (attended / held over every seat): `min` inclusive, `below` exclusive. */
export const ATTENDANCE_BANDS = [
  { label: 'no sessions yet', rate: { unheld: true, held: null } },
  { label: 'under 50%', rate: { unheld: false, held: { min: null, below: 0.5 } } },
  { label: '50-74%', rate: { unheld: false, held: { min: 0.5, below: 0.75 } } },
  { label: '75% and over', rate: { unheld: false, held: { min: 0.75, below: null } } },
] as const satisfies readonly { label: string; rate: RateSet }[];
export type AttendanceBand = (typeof ATTENDANCE_BANDS)[number]['label'];

/** Whole years, both ends inclusive; null is unbounded. */
export interface AgeRange {
  min: number | null;
  max: number | null;
}

/** Which standings: none held yet (`unheld`), and/or a held rate in [min, below) (`held`; null: no rate at all). */
export interface RateSet {
  unheld: boolean;
  held: { min: number | null; below: number | null } | null;
}

/** The teens a shown profile describes: every participant (not erased) of that age, standing and seats. */
export interface Cohort {
  age: AgeRange;
  rate: RateSet;
  /** Holds a seat (enrolled or completed) in every one of these programs. */
  programIds: string[];
}

export const EVERY_TEEN: Cohort = { age: { min: null, max: null }, rate: { unheld: true, held: { min: null, below: null } }, programIds: [] };

export function ageBandOf(age: number): AgeBand {
  return AGE_BANDS.find((b) => (b.min === null || age >= b.min) && (b.max === null || age <= b.max))!.label;
}

export function attendanceBandOf(rate: number | null): AttendanceBand {
  return ATTENDANCE_BANDS.find((b) => inRates(b.rate, rate))!.label;
}

export function inRates(set: RateSet, rate: number | null): boolean {
  if (rate === null) return set.unheld;
  return set.held !== null && (set.held.min === null || rate >= set.held.min) && (set.held.below === null || rate < set.held.below);
}

const tighter = (a: number | null, b: number | null, pick: (x: number, y: number) => number) => (a === null ? b : b === null ? a : pick(a, b));

/** The cohort of both: teens in `a` and in `b`. */
export function both(a: Cohort, b: Partial<Cohort>): Cohort {
  const age = b.age ? { min: tighter(a.age.min, b.age.min, Math.max), max: tighter(a.age.max, b.age.max, Math.min) } : a.age;
  const held = (x: RateSet['held'], y: RateSet['held']) =>
    x && y ? { min: tighter(x.min, y.min, Math.max), below: tighter(x.below, y.below, Math.min) } : null;
  const rate = b.rate ? { unheld: a.rate.unheld && b.rate.unheld, held: held(a.rate.held, b.rate.held) } : a.rate;
  return { age, rate, programIds: [...new Set([...a.programIds, ...(b.programIds ?? [])])] };
}

/** Each rule of the posting, met or not today (null: the posting has no such rule). */
export interface ApplicantEligibility {
  eligible: boolean;
  minAge: boolean | null;
  minAttendanceRate: boolean | null;
}

/** Whether the teen meets each of the posting's rules now, and the teens who answer the same. */
export function eligibilityFacts(internship: Pick<InternshipEntity, 'minAge' | 'minAttendanceRate'>, teen: TeenStanding): { eligibility: ApplicantEligibility; cohort: Cohort } {
  const missed = new Set(ineligibility(internship, teen).map((r) => r.rule));
  const minAge = internship.minAge === null ? null : !missed.has('min-age');
  const minAttendanceRate = internship.minAttendanceRate === null ? null : !missed.has('min-attendance-rate');
  let cohort = EVERY_TEEN;
  if (internship.minAge !== null) cohort = both(cohort, { age: minAge ? { min: internship.minAge, max: null } : { min: null, max: internship.minAge - 1 } });
  // A 0% minimum is met by every teen: it narrows nothing.
  if (internship.minAttendanceRate) {
    const m = internship.minAttendanceRate;
    cohort = both(cohort, { rate: minAttendanceRate ? { unheld: false, held: { min: m, below: null } } : { unheld: true, held: { min: null, below: m } } });
  }
  return { eligibility: { eligible: missed.size === 0, minAge, minAttendanceRate }, cohort };
}

export interface Disclosure {
  ageBand: AgeBand | null;
  attendanceBand: AttendanceBand | null;
  /** Of the candidate programs, those shown, in their order. */
  programIds: string[];
}

/**
 * What to try to show of a private applicant beyond their eligibility (always shown), in order: the profile
 * grows one fact at a time, and a fact is kept only if enough teens share the whole profile so far.
 * First the bands (both, else the attendance band alone, else the age band alone: the first of `bands`
 * that enough teens share), then each candidate program (the sponsor's own sponsored programs the teen
 * holds a seat in) in turn, kept if enough teens share it with everything kept so far.
 * `ApplicantCohorts.disclose` walks the plans of a whole page in one statement.
 */
export interface DisclosurePlan {
  /** The teens the eligibility facts alone describe. */
  start: Cohort;
  bands: { ageBand: AgeBand | null; attendanceBand: AttendanceBand | null; cohort: Cohort }[];
  programIds: string[];
}

export function disclosurePlan(teen: { eligibility: Cohort; age: number; rate: number | null; programIds: string[] }): DisclosurePlan {
  const age = AGE_BANDS.find((b) => b.label === ageBandOf(teen.age))!;
  const attendance = ATTENDANCE_BANDS.find((b) => b.label === attendanceBandOf(teen.rate))!;
  const bands = ([[age, attendance], [null, attendance], [age, null]] as const).map(([a, r]) => ({
    ageBand: a?.label ?? null,
    attendanceBand: r?.label ?? null,
    cohort: both(teen.eligibility, { ...(a ? { age: { min: a.min, max: a.max } } : {}), ...(r ? { rate: r.rate } : {}) }),
  }));
  return { start: teen.eligibility, bands, programIds: [...new Set(teen.programIds)] };
}

/** What the walk of a plan shows: the band alternative taken (its index; null: none) and the programs kept, in order. */
export function shownOf(plan: DisclosurePlan, band: number | null, programIds: string[]): Disclosure {
  const bands = band === null ? { ageBand: null, attendanceBand: null } : plan.bands[band];
  return { ageBand: bands.ageBand, attendanceBand: bands.attendanceBand, programIds };
}
