import { type AppEnv, envConfig, TransactionService } from '@codeshelf/core';
import { Inject, Injectable } from '@nestjs/common';
import { walkCohorts } from '../queries/cohort-walk';
import { type Cohort, type Disclosure, type DisclosurePlan, shownOf } from './applicant-profile';

const asRow = (c: Cohort) => ({
  age_min: c.age.min,
  age_max: c.age.max,
  unheld: c.rate.unheld,
  held: c.rate.held !== null,
  held_min: c.rate.held?.min ?? null,
  held_below: c.rate.held?.below ?? null,
  any_rate: c.rate.unheld && c.rate.held !== null && c.rate.held.min === null && c.rate.held.below === null,
});

/**
 * Counts the teens of cohorts, up to REPORT_MIN_CELL: whether a private applicant's profile is shared by
 * enough teens of the library (participants not erased, the applicant among them) to be shown.
 */
@Injectable()
export class ApplicantCohorts {
  readonly minimum: number;

  constructor(
    private readonly transactions: TransactionService,
    @Inject(envConfig.KEY) env: AppEnv,
  ) {
    this.minimum = env.REPORT_MIN_CELL;
  }

  /** What to show of each private applicant, by its plan (see `DisclosurePlan`): one statement for them all. */
  async disclose(plans: DisclosurePlan[]): Promise<Disclosure[]> {
    if (!plans.length) return [];
    // The walk's programs start empty: a plan's cohorts name none (only its candidates do).
    const input = plans.map((plan, key) => ({ key, start: asRow(plan.start), bands: plan.bands.map((b) => asRow(b.cohort)), programs: plan.programIds }));
    const rows = await this.transactions.run((manager) => walkCohorts(manager, input, this.minimum));
    const walked = new Map(rows.map((r) => [r.key, r]));
    return plans.map((plan, key) => shownOf(plan, walked.get(key)!.band, walked.get(key)!.programs));
  }
}
