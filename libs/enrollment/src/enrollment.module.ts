import { IdentityModule } from '@codeshelf/identity';
import { PeopleModule } from '@codeshelf/people';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { EnrollmentPolicy } from './enrollment.policy';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { MeScheduleController } from './me-schedule.controller';
import { EnrollmentSeatsModule } from './offers/enrollment-seats.module';
import { PendingEnrollmentEntity } from './roster-imports/pending-enrollment.entity';
import { PendingEnrollments } from './roster-imports/pending-enrollments';
import { RosterImportsController } from './roster-imports/roster-imports.controller';
import { RosterImportsService } from './roster-imports/roster-imports.service';
import { TeenPlaces } from './teen-places';

/** Teens in programs: seats that never oversell, a fair waitlist (promoting or offering), eligibility, school roster imports, and what each teen is signed up for. */
@Module({
  imports: [IdentityModule, PeopleModule, SchedulingModule, EnrollmentSeatsModule, TypeOrmModule.forFeature([EnrollmentEntity, PendingEnrollmentEntity])],
  controllers: [EnrollmentsController, MeScheduleController, RosterImportsController],
  providers: [EnrollmentsService, EnrollmentPolicy, TeenPlaces, RosterImportsService, PendingEnrollments],
  exports: [EnrollmentsService, RosterImportsService],
})
export class EnrollmentModule {}
