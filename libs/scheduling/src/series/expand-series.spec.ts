import { DateTime } from 'luxon';
import { expandSeries, rruleProblem, type SeriesBounds } from './expand-series';

const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm');
const bounds = (overrides: Partial<SeriesBounds> = {}): SeriesBounds => ({
  programStartsOn: '2026-01-01',
  programEndsOn: '2027-12-31',
  closures: new Map(),
  ...overrides,
});

describe(expandSeries.name, () => {
  it('keeps Tuesday 16:00 at 16:00 in New York across the March change (UTC offset moves from -5 to -4)', () => {
    const { occurrences } = expandSeries(
      { rrule: 'FREQ=WEEKLY;BYDAY=TU', startTime: '16:00', durationMinutes: 90, timezone: 'America/New_York', from: '2027-03-01', count: 3 },
      bounds(),
    );
    expect(occurrences.map((o) => local(o.startsAt, 'America/New_York'))).toEqual(['2027-03-02 16:00', '2027-03-09 16:00', '2027-03-16 16:00']);
    expect(occurrences.map((o) => o.startsAt.toISOString())).toEqual(['2027-03-02T21:00:00.000Z', '2027-03-09T21:00:00.000Z', '2027-03-16T20:00:00.000Z']);
    expect(occurrences.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 90 * 60_000)).toBe(true);
  });

  it('keeps 16:00 in Berlin across the late-October change', () => {
    const { occurrences } = expandSeries(
      { rrule: 'FREQ=WEEKLY;BYDAY=TH', startTime: '16:00', durationMinutes: 60, timezone: 'Europe/Berlin', from: '2027-10-20', until: '2027-11-04' },
      bounds(),
    );
    expect(occurrences.map((o) => local(o.startsAt, 'Europe/Berlin'))).toEqual(['2027-10-21 16:00', '2027-10-28 16:00', '2027-11-04 16:00']);
    // Summer time in 2027 ends on Sunday 31 October: UTC+2 until then, UTC+1 after.
    expect(occurrences.map((o) => o.startsAt.getUTCHours())).toEqual([14, 14, 15]);
  });

  it('keeps 16:00 in New York across the November change', () => {
    const { occurrences } = expandSeries(
      { rrule: 'FREQ=WEEKLY;BYDAY=MO', startTime: '16:00', durationMinutes: 60, timezone: 'America/New_York', from: '2027-10-25', count: 3 },
      bounds(),
    );
    expect(occurrences.map((o) => local(o.startsAt, 'America/New_York'))).toEqual(['2027-10-25 16:00', '2027-11-01 16:00', '2027-11-08 16:00']);
    expect(occurrences.map((o) => o.startsAt.getUTCHours())).toEqual([20, 20, 21]);
  });

  it('skips and reports closed dates and dates after the program ends', () => {
    const result = expandSeries(
      { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startTime: '16:00', durationMinutes: 90, timezone: 'America/Chicago', from: '2027-01-12', until: '2027-01-28' },
      bounds({ programEndsOn: '2027-01-26', closures: new Map([['2027-01-19', 'Staff training']]) }),
    );
    expect(result.occurrences.map((o) => o.date)).toEqual(['2027-01-12', '2027-01-14', '2027-01-21', '2027-01-26']);
    expect(result.skipped).toEqual([
      { date: '2027-01-19', reason: 'branch closed: Staff training' },
      { date: '2027-01-28', reason: 'outside the program' },
    ]);
  });

  it('counts with count, and stops at until inclusive', () => {
    const pattern = { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '10:00', durationMinutes: 45, timezone: 'UTC', from: '2027-01-01' };
    expect(expandSeries({ ...pattern, count: 4 }, bounds()).occurrences).toHaveLength(4);
    expect(expandSeries({ ...pattern, until: '2027-01-20' }, bounds()).occurrences.map((o) => o.date)).toEqual(['2027-01-06', '2027-01-13', '2027-01-20']);
  });
});

describe(rruleProblem.name, () => {
  it('accepts weekly and daily rules, and refuses others with the reason', () => {
    expect(rruleProblem('FREQ=WEEKLY;BYDAY=TU,TH')).toBeNull();
    expect(rruleProblem('RRULE:FREQ=DAILY;INTERVAL=2')).toBeNull();
    expect(rruleProblem('FREQ=WEEKLY;COUNT=5')).toMatch(/COUNT/);
    expect(rruleProblem('FREQ=MINUTELY')).toMatch(/DAILY or WEEKLY/);
    expect(rruleProblem('every tuesday')).toMatch(/not an RFC 5545/);
  });
});
