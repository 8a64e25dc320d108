import { ageBandSql, genderGroupSql } from './report-groups';

/**
 * Read model: what reports group each participant by, as a relation another feature's statement can join:
 * the gender group, the partner school (kept by erasure), and what `programAgeBandSql` needs.
 * Columns: id, gender_group, school_id, birth_date, erased_age_bands.
 */
export function participantGroups(): string {
  return `(SELECT pt.id, ${genderGroupSql('pt.gender')} AS gender_group, pt.school_id, pt.birth_date, pt.erased_age_bands FROM participant pt)`;
}

/**
 * The age band of the `participantGroups()` row `groups` in the program `programId` starting on `startsOn`
 * (SQL expressions). An erased teen keeps, per program, the band their birth date gave (rule 10).
 */
export const programAgeBandSql = (groups: string, programId: string, startsOn: string) =>
  `COALESCE(${groups}.erased_age_bands ->> ${programId}::text, ${ageBandSql(`date_part('year', age(${startsOn}, ${groups}.birth_date))::int`)})`;
