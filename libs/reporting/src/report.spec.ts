import type { Figure } from '@codeshelf/core';
import fc from 'fast-check';
import type { Measures, ProgramMeasures } from './queries/measures';
import { reportCsv, shapeReport } from './report';

interface Teen {
  ageBand: string;
  gender: string;
  school: string;
  held: number;
  attended: number;
  /** Holds a certificate of the program that stands. */
  certified: boolean;
  /** The teen's ratings of the program's sessions. */
  ratings: number[];
}

const teen = fc
  .record({
    ageBand: fc.constantFrom('13-14', '15-16', '17-18'),
    gender: fc.constantFrom('female', 'male', 'not stated'),
    school: fc.constantFrom('Lincoln', 'Roosevelt', 'no partner school'),
    held: fc.nat({ max: 6 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    certified: fc.boolean(),
    ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
  })
  .map(({ share, ...t }): Teen => ({ ...t, attended: Math.round(share * t.held) }));

const mean = (xs: (number | null)[]) => {
  const ys = xs.filter((x): x is number => x !== null);
  return ys.length ? Math.round((ys.reduce((a, b) => a + b, 0) / ys.length) * 10_000) / 10_000 : null;
};
const rate = (t: Teen) => (t.held ? t.attended / t.held : null);
const attendance = (t: Teen) => (t.attended === 0 ? 'never came' : t.attended >= t.held * 0.75 ? 'threshold met' : 'below threshold');
/** What the SQL counts: certificates of the completed, raters among the teens who came. */
const certifiedCompleters = (teens: Teen[], ended: boolean) => (ended ? teens.filter((t) => t.certified && attendance(t) === 'threshold met').length : 0);
const raters = (teens: Teen[]) => teens.filter((t) => t.attended > 0 && t.ratings.length > 0);
const averageRating = (teens: Teen[]) => {
  const all = raters(teens).flatMap((t) => t.ratings);
  return all.length ? Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 100) / 100 : null;
};

/** The straightforward recount of one program's roster: what the SQL computes, done by hand. */
function recount(programId: string, branch: string, teens: Teen[], ended: boolean): ProgramMeasures {
  const by = (key: (t: Teen) => string) =>
    [...new Set(teens.map(key))].map((group) => {
      const members = teens.filter((t) => key(t) === group);
      return { group, teens: members.length, ratedTeens: members.filter((t) => t.held > 0).length, averageAttendanceRate: mean(members.map(rate)) };
    });
  return {
    programId,
    branch,
    ended,
    teensEnrolled: teens.length,
    ratedTeens: teens.filter((t) => t.held > 0).length,
    averageAttendanceRate: mean(teens.map(rate)),
    waitlistedAtPeak: 0,
    certificatesIssued: certifiedCompleters(teens, ended),
    raters: raters(teens).length,
    averageRating: averageRating(teens),
    cells: { ageBand: by((t) => t.ageBand), gender: by((t) => t.gender), attendance: by(attendance), school: by((t) => t.school) },
    schoolGroups: ['Lincoln', 'Roosevelt', 'no partner school'],
    monthly: [],
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const scope = { programs: 1, sessionsHeld: 6, instructionHours: 9, mentors: 2, volunteerHours: 3, employeeVolunteerHours: 1, internships: null };
const program = fc.record({ teens: fc.array(teen, { maxLength: 40 }), ended: fc.boolean(), branch: fc.constantFrom('North', 'South') });

describe('shapeReport (rule 9) on random programs', () => {
  it('shows each program’s counts exactly or not at all, none under the threshold, hidden cells never alone', () => {
    fc.assert(
      fc.property(program, fc.integer({ min: 3, max: 12 }), ({ teens, ended, branch }, min) => {
        const m = recount('p', branch, teens, ended);
        const report = shapeReport({ scope, programs: [m] }, min);
        const check = (f: Figure, value: number) => {
          if (f.suppressed) return expect(f.value).toBeNull();
          expect(f.value).toBe(value);
          if (value !== 0) expect(value).toBeGreaterThanOrEqual(min);
        };
        check(report.reach.teensEnrolled, teens.length);
        check(report.reach.teensActive, teens.filter((t) => t.attended > 0).length);
        check(report.retention.completedEnrollments, ended ? teens.filter((t) => attendance(t) === 'threshold met').length : 0);
        if (report.retention.completedEnrollments.suppressed) expect(report.retention.completionRate.suppressed).toBe(true);
        // Certificates split the completed in two: each side shown is 0 or reaches the threshold, and a hidden
        // "completed" hides them too.
        const completers = ended ? teens.filter((t) => attendance(t) === 'threshold met').length : 0;
        const certified = certifiedCompleters(teens, ended);
        check(report.retention.certificatesIssued, certified);
        if (report.retention.completedEnrollments.suppressed) expect(report.retention.certificatesIssued.suppressed).toBe(true);
        if (!report.retention.certificatesIssued.suppressed) expect([0, ...range(min, 1000)]).toContain(completers - certified);
        // Raters split the active teens (all seats where "active" is hidden) the same way; the average goes with them.
        const came = teens.filter((t) => t.attended > 0).length;
        check(report.feedback.raters, raters(teens).length);
        if (report.reach.teensEnrolled.suppressed) expect(report.feedback.raters.suppressed).toBe(true);
        if (!report.feedback.raters.suppressed) {
          for (const rest of [teens.length - raters(teens).length, ...(report.reach.teensActive.suppressed ? [] : [came - raters(teens).length])]) {
            expect([0, ...range(min, 1000)]).toContain(rest);
          }
          expect(report.feedback.averageRating).toEqual({ value: averageRating(teens), suppressed: false });
        } else expect(report.feedback.averageRating.suppressed).toBe(true);
        for (const dimension of ['ageBand', 'gender', 'attendance', 'school'] as const) {
          const rows = report.breakdowns[dimension];
          const count = (group: string) => m.cells[dimension].find((c) => c.group === group)?.teens ?? 0;
          for (const row of rows) {
            check(row.teens, count(row.group));
            if (row.teens.suppressed) expect(row.averageAttendanceRate.suppressed).toBe(true);
          }
          // With the total shown, subtraction yields only the hidden cells' sum: never one cell, never a small group.
          const hiddenRows = rows.filter((r) => r.teens.suppressed);
          if (!report.reach.teensEnrolled.suppressed && hiddenRows.length) {
            expect(hiddenRows.length).toBeGreaterThanOrEqual(2);
            expect(hiddenRows.reduce((sum, r) => sum + count(r.group), 0)).toBeGreaterThanOrEqual(min);
          }
        }
      }),
      { seed: 4242, numRuns: 500 },
    );
  });

  it('makes every figure over several programs from the programs’ own published figures only', () => {
    fc.assert(
      fc.property(fc.array(program, { minLength: 1, maxLength: 4 }), (programs) => {
        const measured = programs.map((p, i) => recount(`p${i}`, p.branch, p.teens, p.ended));
        const all = shapeReport({ scope, programs: measured } as Measures, 10);
        const alone = measured.map((m) => shapeReport({ scope, programs: [m] }, 10));
        const shownSum = (pick: (r: typeof all) => Figure) => {
          const parts = alone.map(pick);
          const known = parts.filter((f) => !f.suppressed);
          if (known.length === 0) return { value: null, suppressed: true };
          const value = known.reduce((s, f) => s + f.value!, 0);
          return known.length < parts.length ? { value, suppressed: false, partial: true } : { value, suppressed: false };
        };
        expect(all.reach.teensEnrolled).toEqual(shownSum((r) => r.reach.teensEnrolled));
        expect(all.reach.teensActive).toEqual(shownSum((r) => r.reach.teensActive));
        expect(all.retention.completedEnrollments).toEqual(shownSum((r) => r.retention.completedEnrollments));
        expect(all.retention.certificatesIssued).toEqual(shownSum((r) => r.retention.certificatesIssued));
        expect(all.feedback.raters).toEqual(shownSum((r) => r.feedback.raters));
        // The average over several programs: the shown programs' averages weighted by their shown raters.
        const rated = alone.filter((r) => !r.feedback.averageRating.suppressed && r.feedback.averageRating.value !== null && r.feedback.raters.value! > 0);
        const weight = rated.reduce((s, r) => s + r.feedback.raters.value!, 0);
        if (rated.length) expect(all.feedback.averageRating.value).toBeCloseTo(rated.reduce((s, r) => s + r.feedback.averageRating.value! * r.feedback.raters.value!, 0) / weight, 2);
        else expect(all.feedback.averageRating.value).toBeNull();
        for (const dimension of ['ageBand', 'gender', 'attendance', 'school'] as const) {
          for (const row of all.breakdowns[dimension]) {
            expect(row.teens).toEqual(shownSum((r) => r.breakdowns[dimension].find((x) => x.group === row.group)!.teens));
          }
        }
      }),
      { seed: 1202, numRuns: 300 },
    );
  });
});

describe('reportCsv', () => {
  it('keeps a cell a spreadsheet would run as a formula as text, and quotes what needs quoting; marks a partial sum with +', () => {
    const teens = Array.from({ length: 12 }, (): Teen => ({ ageBand: '15-16', gender: 'female', school: 'Lincoln', held: 2, attended: 1, certified: false, ratings: [4, 5] }));
    const evil = recount('p1', '=HYPERLINK("http://evil")', teens, false);
    const small = recount('p2', 'South', teens.slice(0, 3), false);
    const csv = reportCsv({ sponsorId: null, programIds: [], from: null, to: null, minCell: 10, ...shapeReport({ scope, programs: [evil, small] }, 10) });
    expect(csv).toContain(`breakdown:branch,teens,"'=HYPERLINK(""http://evil"")",12`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(csv).toContain('reach,teensEnrolled,,12+\r\n');
    expect(csv).toContain('breakdown:branch,teens,South,<10\r\n');
    expect(csv).toContain('retention,certificatesIssued,,0\r\n'); // neither program has ended
    expect(csv).toContain('feedback,raters,,12+\r\n');
    expect(csv).toContain('feedback,averageRating,,4.5+\r\n');
    expect(csv).toContain('breakdown:school,teens,Lincoln,12+\r\n');
    expect(csv).toContain('breakdown:school,teens,no partner school,0+\r\n'); // the small program's part is hidden
  });
});
