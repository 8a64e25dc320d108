import { AttendanceModule } from '@codeshelf/attendance';
import { ReportingDataSource } from '@codeshelf/core';
import { IdentityModule } from '@codeshelf/identity';
import { PartnersModule } from '@codeshelf/partners';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** What sponsors and coordinators read: outcome reports as SQL aggregates, suppressed for sponsors (rule 9). */
@Module({
  imports: [IdentityModule, SchedulingModule, AttendanceModule, PartnersModule],
  controllers: [ReportsController],
  // Here rather than in the core's DatabaseModule: only the API's report routes open the replica's pool, never a worker.
  providers: [ReportsService, ReportingDataSource],
})
export class ReportingModule {}
