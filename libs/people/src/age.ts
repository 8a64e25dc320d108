/** Today's calendar date in UTC, `YYYY-MM-DD`. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/** Whole years from `birthDate` to `on` (both `YYYY-MM-DD`); a 29 February birthday counts on 1 March. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

export const isMinor = (birthDate: string, ageOfMajority: number, on = todayUtc()): boolean => ageOn(birthDate, on) < ageOfMajority;

/** A real calendar date written `YYYY-MM-DD` (rejects 2023-02-29, 2024-13-01). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
