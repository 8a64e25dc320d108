/**
 * Read model: the library's teens (participants not erased) with their age today in whole years (UTC, as
 * `ageOn(birthDate, todayUtc())` has it), as a relation another feature's statement can join. Columns: id, age.
 */
export function participantAges(): string {
  return `(SELECT pt.id, date_part('year', age((now() AT TIME ZONE 'UTC')::date, pt.birth_date)) AS age FROM participant pt WHERE pt.erased_at IS NULL)`;
}
