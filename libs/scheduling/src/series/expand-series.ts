import { DateTime } from 'luxon';
import { RRule } from 'rrule';

export interface SeriesPattern {
  /** RFC 5545 RRULE without DTSTART, UNTIL or COUNT, e.g. `FREQ=WEEKLY;BYDAY=TU,TH`. */
  rrule: string;
  /** Local wall-clock start, `HH:MM`. */
  startTime: string;
  durationMinutes: number;
  /** IANA zone the wall-clock times are in (the branch's). */
  timezone: string;
  /** First calendar date the rule may produce (YYYY-MM-DD). */
  from: string;
  until?: string;
  count?: number;
}

export interface SeriesBounds {
  programStartsOn: string;
  programEndsOn: string;
  /** Closed dates of the branch, with their reasons. */
  closures: Map<string, string>;
}

export interface Occurrence {
  date: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Skipped {
  date: string;
  reason: string;
}

/** More sessions than any club term has; a rule without an end stops here. */
export const MAX_OCCURRENCES = 400;

/** Whether `rrule` is a rule this API expands: parseable, with no DTSTART, UNTIL or COUNT of its own. */
export function rruleProblem(rrule: string): string | null {
  if (/(^|;)\s*(DTSTART|UNTIL|COUNT)\s*=/i.test(rrule) || /DTSTART/i.test(rrule)) return 'rrule must not carry DTSTART, UNTIL or COUNT: send until or count instead';
  try {
    const options = RRule.parseString(rrule.replace(/^RRULE:/i, ''));
    if (options.freq === undefined) return 'rrule needs a FREQ';
    if (options.freq !== RRule.WEEKLY && options.freq !== RRule.DAILY) return 'rrule must be DAILY or WEEKLY';
    return null;
  } catch {
    return 'rrule is not an RFC 5545 recurrence rule';
  }
}

/**
 * The sessions a series makes. Dates come from the rule as floating calendar dates; each gets its
 * wall-clock start in the branch's zone, so 16:00 stays 16:00 local across daylight-saving changes.
 * Dates outside the program and closed dates are skipped and reported.
 */
export function expandSeries(pattern: SeriesPattern, bounds: SeriesBounds): { occurrences: Occurrence[]; skipped: Skipped[] } {
  const dtstart = new Date(`${pattern.from}T00:00:00Z`);
  const rule = new RRule({
    ...RRule.parseString(pattern.rrule.replace(/^RRULE:/i, '')),
    dtstart,
    ...(pattern.until ? { until: new Date(`${pattern.until}T23:59:59Z`) } : {}),
    count: Math.min(pattern.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES),
  });
  const [hour, minute] = pattern.startTime.split(':').map(Number);
  const occurrences: Occurrence[] = [];
  const skipped: Skipped[] = [];
  for (const day of rule.all()) {
    const date = day.toISOString().slice(0, 10);
    if (date < bounds.programStartsOn || date > bounds.programEndsOn) {
      skipped.push({ date, reason: 'outside the program' });
      continue;
    }
    const closed = bounds.closures.get(date);
    if (closed !== undefined) {
      skipped.push({ date, reason: `branch closed: ${closed}` });
      continue;
    }
    const start = DateTime.fromISO(date, { zone: pattern.timezone }).set({ hour, minute, second: 0, millisecond: 0 });
    occurrences.push({ date, startsAt: start.toJSDate(), endsAt: start.plus({ minutes: pattern.durationMinutes }).toJSDate() });
  }
  return { occurrences, skipped };
}
