import { Module } from '@nestjs/common';
import { Scheduler } from './scheduler';

/**
 * The one scheduler of a process: import it where a job registers. Not global on purpose: a global module is
 * shut down last, with the database, and the scheduler must stop (and wait for its runs) before the database goes.
 */
@Module({
  providers: [Scheduler],
  exports: [Scheduler],
})
export class SchedulerModule {}
