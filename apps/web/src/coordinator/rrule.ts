/** The weekly rule a series form builds: RFC 5545 weekday codes, Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `FREQ=WEEKLY;BYDAY=TU,TH` from the days ticked, in calendar order; the API takes until/count beside it. */
export function weeklyRule(days: readonly Weekday[]): string {
  const byDay = WEEKDAYS.filter((day) => days.includes(day));
  return `FREQ=WEEKLY;BYDAY=${byDay.join(',')}`;
}

/** The weekday's name in the language (a Monday in January 2024 is the 1st). */
export function weekdayName(day: Weekday, language: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))));
}
