import { countFigure, toCsv, type Figure, hidden, meanOfParts, partOf, rateOver, shown, sumOfParts, suppressPartition } from '@codeshelf/core';
import { AGE_BANDS, GENDER_GROUPS } from '@codeshelf/people';
import type { OutcomesDto } from './dto/report.dto';
import { ATTENDANCE_GROUPS, type Dimension, type Measures, type ProgramMeasures } from './queries/measures';
import { NO_PARTNER_SCHOOL } from './queries/program-measures';

type Sections = Omit<OutcomesDto, 'sponsorId' | 'programIds' | 'from' | 'to' | 'minCell'>;

interface Row {
  group: string;
  teens: Figure;
  averageAttendanceRate: Figure;
}

/** One program's figures about teens, suppressed on their own: every report is made of these parts alone. */
interface Part {
  enrolled: Figure;
  active: Figure;
  rate: Figure;
  waitlistedAtPeak: Figure;
  finished: Figure;
  completed: Figure;
  completionRate: Figure;
  certificatesIssued: Figure;
  raters: Figure;
  averageRating: Figure;
  breakdowns: Record<Dimension, Row[]>;
  monthly: { month: string; attendances: Figure }[];
}

const GROUPS = { ageBand: AGE_BANDS, gender: GENDER_GROUPS, attendance: ATTENDANCE_GROUPS };

/**
 * Rule 9 on one program. Its teen counts are its seats and partitions of them (age band, gender, branch,
 * attendance, partner school), each suppressed with its complement; the other counts are sums of a partition's cells
 * (active = all but "never came", completed = "threshold met" once ended). Two counts split one of those
 * groups in two, suppressed like a partition of it (`partOf`): the completed teens holding a certificate, and
 * the active teens who rated a session (of all seats when "active" is hidden, as E − raters is then all that
 * subtraction gives). A rate is shown only over a shown group of at least `min` rated teens, the average rating
 * only over shown raters. `min` 0 (staff) hides nothing.
 */
function shapeProgram(m: ProgramMeasures, min: number): Part {
  const enrolled = countFigure(m.teensEnrolled, min);
  const partition = (dimension: keyof typeof GROUPS | 'school'): Row[] => {
    // The school groups are the branch's partner schools, whoever enrolled: a group's presence tells nothing.
    const groups: readonly string[] = dimension === 'school' ? m.schoolGroups : GROUPS[dimension];
    const found = new Map(m.cells[dimension].map((c) => [c.group, c]));
    const { cells } = suppressPartition(m.teensEnrolled, Object.fromEntries(groups.map((g) => [g, found.get(g)?.teens ?? 0])), min);
    return groups.map((group) => {
      const cell = found.get(group);
      const rated = cells[group].suppressed ? hidden : countFigure(cell?.ratedTeens ?? 0, min);
      return { group, teens: cells[group], averageAttendanceRate: rateOver(cell?.averageAttendanceRate ?? null, rated) };
    });
  };
  const rate = rateOver(m.averageAttendanceRate, enrolled.suppressed ? hidden : countFigure(m.ratedTeens, min));
  const attendance = partition('attendance');
  const cell = (group: (typeof ATTENDANCE_GROUPS)[number]) => attendance.find((r) => r.group === group)!.teens;
  const never = cell('never came');
  const finished = m.ended ? enrolled : shown(0);
  const completed = m.ended ? cell('threshold met') : shown(0);
  const active = never.suppressed ? hidden : shown(m.teensEnrolled - never.value!);
  const raters = partOf(m.raters, active.suppressed ? enrolled : active, min);
  return {
    enrolled,
    active,
    rate,
    waitlistedAtPeak: countFigure(m.waitlistedAtPeak, min),
    finished,
    completed,
    completionRate: rateOver(finished.value ? round4(completed.value! / finished.value) : null, completed),
    certificatesIssued: partOf(m.certificatesIssued, completed, min),
    raters,
    averageRating: rateOver(m.averageRating, raters),
    breakdowns: {
      ageBand: partition('ageBand'),
      gender: partition('gender'),
      branch: [{ group: m.branch, teens: enrolled, averageAttendanceRate: rate }],
      attendance,
      school: partition('school'),
    },
    monthly: m.monthly.map((month) => ({ month: month.month, attendances: countFigure(month.activeTeens, min).suppressed ? hidden : shown(month.attendances) })),
  };
}

/**
 * The report over the programs measured, with rule 9 applied at `min` (0 for staff: nothing hidden). Each
 * program is suppressed alone (`shapeProgram`), and every figure over several programs is a sum or weighted
 * mean of those parts as published (`sumOfParts`, `meanOfParts`): no answer, for any set of programs or any
 * period, holds more than the parts do, so no sum or difference of answers isolates a hidden group. The
 * monthly series covers the months from `months.from` to `months.to` ('YYYY-MM', inclusive, or null).
 * Programs, sessions, hours and mentors count no teens and are always shown.
 */
export function shapeReport(m: Measures, min: number, months: { from: string | null; to: string | null } = { from: null, to: null }): Sections {
  const parts = m.programs.map((program) => shapeProgram(program, min));
  const sum = (pick: (p: Part) => Figure) => sumOfParts(parts.map(pick));
  const breakdown = (dimension: Dimension): Row[] => {
    const groups =
      dimension === 'branch'
        ? [...new Set(m.programs.map((p) => p.branch))].sort()
        : dimension === 'school'
          ? [...[...new Set(m.programs.flatMap((p) => p.schoolGroups))].filter((g) => g !== NO_PARTNER_SCHOOL).sort(), NO_PARTNER_SCHOOL]
          : GROUPS[dimension];
    return groups.map((group) => {
      // A program at another branch has none of this branch's seats: it takes no part in its row.
      const rows = parts.flatMap((p) => p.breakdowns[dimension].filter((r) => r.group === group));
      return {
        group,
        teens: sumOfParts(rows.map((r) => r.teens)),
        averageAttendanceRate: meanOfParts(rows.map((r) => ({ rate: r.averageAttendanceRate, weight: r.teens }))),
      };
    });
  };
  const inPeriod = (month: string) => (!months.from || month >= months.from) && (!months.to || month <= months.to);
  const monthList = [...new Set(parts.flatMap((p) => p.monthly.map((mo) => mo.month)))].filter(inPeriod).sort();
  const s = m.scope;
  const sections: Sections = {
    reach: {
      programs: shown(s.programs),
      sessionsHeld: shown(s.sessionsHeld),
      instructionHours: shown(s.instructionHours),
      teensEnrolled: sum((p) => p.enrolled),
      teensActive: sum((p) => p.active),
      waitlistedAtPeak: sum((p) => p.waitlistedAtPeak),
    },
    retention: {
      averageAttendanceRate: meanOfParts(parts.map((p) => ({ rate: p.rate, weight: p.enrolled }))),
      finishedEnrollments: sum((p) => p.finished),
      completedEnrollments: sum((p) => p.completed),
      completionRate: meanOfParts(parts.map((p) => ({ rate: p.completionRate, weight: p.finished }))),
      certificatesIssued: sum((p) => p.certificatesIssued),
    },
    feedback: {
      raters: sum((p) => p.raters),
      averageRating: round2(meanOfParts(parts.map((p) => ({ rate: p.averageRating, weight: p.raters })))),
    },
    mentoring: { mentors: shown(s.mentors), volunteerHours: shown(s.volunteerHours), employeeVolunteerHours: shown(s.employeeVolunteerHours) },
    breakdowns: { ageBand: breakdown('ageBand'), gender: breakdown('gender'), branch: breakdown('branch'), attendance: breakdown('attendance'), school: breakdown('school') },
    monthly: monthList.map((month) => ({ month, attendances: sumOfParts(parts.map((p) => p.monthly.find((mo) => mo.month === month)?.attendances ?? shown(0))) })),
  };
  if (s.internships) {
    // The sponsor's own applications, which it reads one by one on its internships anyway.
    const i = s.internships;
    const applications = countFigure(i.applications, min);
    const offers = partOf(i.offers, applications, min);
    const placements = partOf(i.placements, offers, min);
    const done = partOf(i.completed, placements, min);
    sections.internships = { postings: shown(i.postings), applications, offers, placements, completed: done, hired: partOf(i.hired, done, min) };
  }
  return sections;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
/** Ratings are published to 2 places, as staff's feedback pages show them. */
const round2 = (f: Figure): Figure => (f.value === null ? f : { ...f, value: Math.round(f.value * 100) / 100 });

/** The report as one long CSV table: section, measure, group, value (`<min` where suppressed). */
export function reportCsv(report: OutcomesDto): string {
  const lines = [['section', 'measure', 'group', 'value']];
  // A sum that leaves out hidden programs is a lower bound: `43+`.
  const cell = (f: Figure) => (f.suppressed ? `<${report.minCell}` : f.value === null ? '' : `${f.value}${f.partial ? '+' : ''}`);
  const figures = (section: string, values: Record<string, Figure>) => {
    for (const [measure, f] of Object.entries(values)) lines.push([section, measure, '', cell(f)]);
  };
  figures('reach', { ...report.reach });
  figures('retention', { ...report.retention });
  figures('feedback', { ...report.feedback });
  figures('mentoring', { ...report.mentoring });
  if (report.internships) figures('internships', { ...report.internships });
  for (const [dimension, rows] of Object.entries(report.breakdowns)) {
    for (const row of rows as OutcomesDto['breakdowns']['ageBand']) {
      lines.push([`breakdown:${dimension}`, 'teens', row.group, cell(row.teens)], [`breakdown:${dimension}`, 'averageAttendanceRate', row.group, cell(row.averageAttendanceRate)]);
    }
  }
  for (const month of report.monthly) lines.push(['monthly', 'attendances', month.month, cell(month.attendances)]);
  return toCsv(lines);
}
