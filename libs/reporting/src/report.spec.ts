import fc from 'fast-check';
import type { Measures } from './measures';
import { reportCsv, shapeReport } from './report';
import type { Figure } from './suppression';

interface Teen {
  branch: string;
  ageBand: string;
  gender: string;
  held: number;
  attended: number;
  lateInTerm: boolean;
}

const teen = fc
  .record({
    branch: fc.constantFrom('North', 'South', 'East'),
    ageBand: fc.constantFrom('13-14', '15-16', '17-18'),
    gender: fc.constantFrom('female', 'male', 'not stated'),
    held: fc.nat({ max: 6 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    lateInTerm: fc.boolean(),
  })
  .map(({ share, ...t }): Teen => {
    const attended = Math.round(share * t.held);
    return { ...t, attended, lateInTerm: t.lateInTerm && attended > 0 };
  });

/** The straightforward recount of a roster: what the SQL computes, done by hand in JavaScript. */
function recount(teens: Teen[], ended: boolean): Measures {
  const rate = (t: Teen) => (t.held ? t.attended / t.held : null);
  const mean = (xs: (number | null)[]) => {
    const ys = xs.filter((x): x is number => x !== null);
    return ys.length ? Math.round((ys.reduce((a, b) => a + b, 0) / ys.length) * 10_000) / 10_000 : null;
  };
  const by = (key: 'branch' | 'ageBand' | 'gender') =>
    [...new Set(teens.map((t) => t[key]))].sort().map((group) => {
      const members = teens.filter((t) => t[key] === group);
      return { group, teens: members.length, averageAttendanceRate: mean(members.map(rate)) };
    });
  const completed = teens.filter((t) => t.held > 0 && t.attended >= t.held * 0.75).length;
  return {
    programs: 3,
    sessionsHeld: 6,
    instructionHours: 9,
    teensEnrolled: teens.length,
    teensActive: teens.filter((t) => t.attended > 0).length,
    waitlistedAtPeak: 0,
    ratedTeens: teens.filter((t) => t.held > 0).length,
    averageAttendanceRate: mean(teens.map(rate)),
    teensRateAtLeast80: teens.filter((t) => (rate(t) ?? 0) >= 0.8).length,
    stillAttendingLastQuarter: teens.filter((t) => t.lateInTerm).length,
    finishedEnrollments: ended ? teens.length : 0,
    completedEnrollments: ended ? completed : 0,
    mentors: 2,
    volunteerHours: 3,
    employeeVolunteerHours: 1,
    internships: null,
    breakdowns: { ageBand: by('ageBand'), gender: by('gender'), branch: by('branch') },
    monthly: [],
  };
}

describe('shapeReport (rule 9) on random rosters', () => {
  it('never shows a count of teens under the threshold nor lets one be recovered by subtraction, and shows the rest exactly', () => {
    fc.assert(
      fc.property(fc.array(teen, { maxLength: 60 }), fc.boolean(), fc.integer({ min: 3, max: 12 }), (teens, ended, min) => {
        const truth = recount(teens, ended);
        const report = shapeReport(truth, min);
        const check = (f: Figure, value: number) => {
          if (f.suppressed) return expect(f.value).toBeNull();
          expect(f.value).toBe(value);
          expect(value).toBeGreaterThanOrEqual(min);
        };
        const enrolled = report.reach.teensEnrolled;
        check(enrolled, truth.teensEnrolled);
        // Parts of the enrolled: shown only when the rest is at least the threshold too.
        for (const [figure, part] of [
          [report.reach.teensActive, truth.teensActive],
          [report.retention.teensWithRateAtLeast80, truth.teensRateAtLeast80],
          [report.retention.stillAttendingLastQuarter, truth.stillAttendingLastQuarter],
        ] as const) {
          check(figure, part);
          if (!figure.suppressed) expect(truth.teensEnrolled - part).toBeGreaterThanOrEqual(min);
        }
        check(report.retention.finishedEnrollments, truth.finishedEnrollments);
        check(report.retention.completedEnrollments, truth.completedEnrollments);
        if (!report.retention.completedEnrollments.suppressed) expect(truth.finishedEnrollments - truth.completedEnrollments).toBeGreaterThanOrEqual(min);
        if (report.retention.completedEnrollments.suppressed) expect(report.retention.completionRate.suppressed).toBe(true);
        for (const dimension of ['ageBand', 'gender', 'branch'] as const) {
          const rows = report.breakdowns[dimension];
          const hiddenRows = rows.filter((r) => r.teens.suppressed);
          for (const row of rows) {
            const real = truth.breakdowns[dimension].find((r) => r.group === row.group)!;
            check(row.teens, real.teens);
            if (row.teens.suppressed) expect(row.averageAttendanceRate.suppressed).toBe(true);
            else expect(row.averageAttendanceRate.value).toBe(real.averageAttendanceRate);
          }
          // With the total shown, subtraction yields only the hidden cells' sum: never one cell, never a small group.
          if (!enrolled.suppressed && hiddenRows.length) {
            expect(hiddenRows.length).toBeGreaterThanOrEqual(2);
            const hiddenSum = hiddenRows.reduce((sum, r) => sum + truth.breakdowns[dimension].find((x) => x.group === r.group)!.teens, 0);
            expect(hiddenSum).toBeGreaterThanOrEqual(min);
          }
        }
      }),
      { seed: 4242, numRuns: 500 },
    );
  });
});

describe('reportCsv', () => {
  it('keeps a cell a spreadsheet would run as a formula as text, and quotes what needs quoting', () => {
    const m = recount([], false);
    m.breakdowns.branch = [{ group: '=HYPERLINK("http://evil")', teens: 12, averageAttendanceRate: 0.5 }];
    m.breakdowns.ageBand = [{ group: '15-16', teens: 12, averageAttendanceRate: 0.5 }];
    m.breakdowns.gender = [{ group: 'female', teens: 12, averageAttendanceRate: 0.5 }];
    m.teensEnrolled = 12;
    const csv = reportCsv({ sponsorId: null, programIds: [], from: null, to: null, minCell: 0, ...shapeReport(m, 0) });
    expect(csv).toContain(`breakdown:branch,teens,"'=HYPERLINK(""http://evil"")",12`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
