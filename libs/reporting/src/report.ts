import type { OutcomesDto } from './dto/report.dto';
import type { Measures } from './measures';
import { countFigure, type Figure, partOf, rateOver, shown, suppressPartition } from './suppression';

type Sections = Omit<OutcomesDto, 'sponsorId' | 'programIds' | 'from' | 'to' | 'minCell'>;

/**
 * The report's sections from the raw measures, with rule 9 applied at `min` (0 for staff: nothing hidden).
 * Counts of teens are hidden under `min`; a count that is part of a published whole is hidden when the rest
 * would be; every breakdown is suppressed as a partition of the teens enrolled; rates follow their counts.
 * Counts of programs, sessions, hours and mentors are not about teens and always shown.
 */
export function shapeReport(m: Measures, min: number): Sections {
  const enrolled = countFigure(m.teensEnrolled, min);
  const finished = countFigure(m.finishedEnrollments, min);
  const completed = partOf(m.completedEnrollments, finished, min);
  const breakdown = (rows: Measures['breakdowns']['ageBand']) => {
    const { cells } = suppressPartition(m.teensEnrolled, Object.fromEntries(rows.map((r) => [r.group, r.teens])), min);
    return rows.map((r) => ({ group: r.group, teens: cells[r.group], averageAttendanceRate: rateOver(r.averageAttendanceRate, cells[r.group]) }));
  };
  const sections: Sections = {
    reach: {
      programs: shown(m.programs),
      sessionsHeld: shown(m.sessionsHeld),
      instructionHours: shown(m.instructionHours),
      teensEnrolled: enrolled,
      teensActive: partOf(m.teensActive, enrolled, min),
      waitlistedAtPeak: countFigure(m.waitlistedAtPeak, min),
    },
    retention: {
      averageAttendanceRate: rateOver(m.averageAttendanceRate, countFigure(m.ratedTeens, min)),
      teensWithRateAtLeast80: partOf(m.teensRateAtLeast80, enrolled, min),
      finishedEnrollments: finished,
      completedEnrollments: completed,
      completionRate: rateOver(m.finishedEnrollments ? round4(m.completedEnrollments / m.finishedEnrollments) : null, completed),
      stillAttendingLastQuarter: partOf(m.stillAttendingLastQuarter, enrolled, min),
    },
    mentoring: { mentors: shown(m.mentors), volunteerHours: shown(m.volunteerHours), employeeVolunteerHours: shown(m.employeeVolunteerHours) },
    breakdowns: { ageBand: breakdown(m.breakdowns.ageBand), gender: breakdown(m.breakdowns.gender), branch: breakdown(m.breakdowns.branch) },
    monthly: m.monthly.map((month) => {
      const active = countFigure(month.activeTeens, min);
      return { month: month.month, attendances: active.suppressed ? active : shown(month.attendances), activeTeens: active };
    }),
  };
  if (m.internships) {
    const i = m.internships;
    const applications = countFigure(i.applications, min);
    const offers = partOf(i.offers, applications, min);
    const placements = partOf(i.placements, offers, min);
    const done = partOf(i.completed, placements, min);
    sections.internships = { postings: shown(i.postings), applications, offers, placements, completed: done, hired: partOf(i.hired, done, min) };
  }
  return sections;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The report as one long CSV table: section, measure, group, value (`<min` where suppressed). */
export function reportCsv(report: OutcomesDto): string {
  const lines = [['section', 'measure', 'group', 'value']];
  const cell = (f: Figure) => (f.suppressed ? `<${report.minCell}` : f.value === null ? '' : String(f.value));
  const figures = (section: string, values: Record<string, Figure>) => {
    for (const [measure, f] of Object.entries(values)) lines.push([section, measure, '', cell(f)]);
  };
  figures('reach', { ...report.reach });
  figures('retention', { ...report.retention });
  figures('mentoring', { ...report.mentoring });
  if (report.internships) figures('internships', { ...report.internships });
  for (const [dimension, rows] of Object.entries(report.breakdowns)) {
    for (const row of rows as OutcomesDto['breakdowns']['ageBand']) {
      lines.push([`breakdown:${dimension}`, 'teens', row.group, cell(row.teens)], [`breakdown:${dimension}`, 'averageAttendanceRate', row.group, cell(row.averageAttendanceRate)]);
    }
  }
  for (const month of report.monthly) lines.push(['monthly', 'attendances', month.month, cell(month.attendances)], ['monthly', 'activeTeens', month.month, cell(month.activeTeens)]);
  // A cell a spreadsheet would run as a formula (a branch named "=HYPERLINK(…)") is kept as text.
  const defuse = (v: string) => (/^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v);
  const quote = (raw: string) => {
    const v = defuse(raw);
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return `${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`;
}
