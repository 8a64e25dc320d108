import { enqueueUnlessQueued, Scheduler } from '@codeshelf/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { monthlyReportsDue } from '../queries/monthly-reports-due';

/** How often the job looks: the first run of a month writes the month's events. */
const ANNOUNCE_EVERY_MS = 60_000;

/**
 * A scheduled job: once a month, a `sponsorship.report_ready` event for every sponsor with an endpoint that
 * wants it (last month's report). A unique index makes the first worker of the month write it, and every
 * other run a no-op.
 */
@Injectable()
export class MonthlyReportAnnouncements implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: Scheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'announcing monthly reports', everyMs: ANNOUNCE_EVERY_MS, run: () => this.announce() });
  }

  async announce(): Promise<void> {
    const due = await monthlyReportsDue(this.dataSource.manager);
    await enqueueUnlessQueued(this.dataSource.manager, 'sponsorship.report_ready', due.map(({ sponsorId, month }) => ({ sponsorId, month })));
  }
}
