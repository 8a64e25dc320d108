/**
 * The groups reports count teens in, as SQL. They live beside the participant because erasure must keep
 * exactly these groups when it drops the birth date and the free-text gender.
 */

/** The age band of a whole-years age expression. */
export const ageBandSql = (age: string) =>
  `CASE WHEN ${age} < 13 THEN 'under 13' WHEN ${age} <= 14 THEN '13-14' WHEN ${age} <= 16 THEN '15-16' WHEN ${age} <= 18 THEN '17-18' ELSE '19 and over' END`;

/** The fixed gender group of a free-text column. Free text is never a group of its own: a rare answer would be visible by its label alone. */
export const genderGroupSql = (gender: string) =>
  `CASE WHEN NULLIF(btrim(${gender}), '') IS NULL THEN 'not stated'
        WHEN lower(btrim(${gender})) IN ('female', 'f', 'woman', 'girl') THEN 'female'
        WHEN lower(btrim(${gender})) IN ('male', 'm', 'man', 'boy') THEN 'male'
        WHEN lower(btrim(${gender})) IN ('non-binary', 'nonbinary', 'non binary', 'nb', 'enby') THEN 'non-binary'
        ELSE 'self-described' END`;

/** Every group `ageBandSql` gives, in order: reports list them all, so a group's presence tells nothing. */
export const AGE_BANDS = ['under 13', '13-14', '15-16', '17-18', '19 and over'] as const;

/** Every group `genderGroupSql` gives. */
export const GENDER_GROUPS = ['female', 'male', 'non-binary', 'self-described', 'not stated'] as const;
