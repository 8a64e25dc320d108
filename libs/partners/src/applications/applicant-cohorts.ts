import { standingRateSql } from '@codeshelf/attendance';
import { type AppEnv, envConfig } from '@codeshelf/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Cohort } from './applicant-profile';

/** A participant's age today (UTC, as `ageOn(birthDate, todayUtc())` has it), in whole years. */
const AGE = `date_part('year', age((now() AT TIME ZONE 'UTC')::date, pt.birth_date))`;

/**
 * Counts the teens of a cohort, up to REPORT_MIN_CELL: whether a private applicant's profile is shared by
 * enough teens of the library (participants not erased, the applicant among them) to be shown. The count
 * stops at REPORT_MIN_CELL, so a common profile costs a few rows, not the whole library.
 */
@Injectable()
export class ApplicantCohorts {
  readonly minimum: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(envConfig.KEY) env: AppEnv,
  ) {
    this.minimum = env.REPORT_MIN_CELL;
  }

  async enough(cohort: Cohort): Promise<boolean> {
    const params: unknown[] = [];
    const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
    const where = ['pt.erased_at IS NULL'];
    if (cohort.age.min !== null) where.push(`${AGE} >= ${param(cohort.age.min, 'int')}`);
    if (cohort.age.max !== null) where.push(`${AGE} <= ${param(cohort.age.max, 'int')}`);
    if (cohort.programIds.length) {
      where.push(
        `pt.id IN (SELECT se.participant_id FROM enrollment se WHERE se.program_id = ANY(${param(cohort.programIds, 'uuid[]')}) AND se.status IN ('enrolled', 'completed')
                    GROUP BY se.participant_id HAVING count(DISTINCT se.program_id) = ${param(cohort.programIds.length, 'int')})`,
      );
    }
    const { unheld, held } = cohort.rate;
    const anyRate = unheld && held !== null && held.min === null && held.below === null;
    if (!anyRate) {
      const ofHeld = held && [
        'st.rate IS NOT NULL',
        ...(held.min !== null ? [`st.rate >= ${param(held.min, 'numeric')}`] : []),
        ...(held.below !== null ? [`st.rate < ${param(held.below, 'numeric')}`] : []),
      ].join(' AND ');
      where.push(`(${[...(unheld ? ['st.rate IS NULL'] : []), ...(ofHeld ? [`(${ofHeld})`] : [])].join(' OR ') || 'false'})`);
    }
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM participant pt ${anyRate ? '' : `CROSS JOIN LATERAL (SELECT ${standingRateSql('pt.id')} AS rate) st`}
          WHERE ${where.join(' AND ')}
          LIMIT ${param(this.minimum, 'int')}) cohort`,
      params,
    );
    return n >= this.minimum;
  }
}
