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
import { TeenPlaces } from './teen-places';

/** Teens in programs: seats that never oversell, a fair waitlist (promoting or offering), eligibility, and what each teen is signed up for. */
@Module({
  imports: [IdentityModule, PeopleModule, SchedulingModule, EnrollmentSeatsModule, TypeOrmModule.forFeature([EnrollmentEntity])],
  controllers: [EnrollmentsController, MeScheduleController],
  providers: [EnrollmentsService, EnrollmentPolicy, TeenPlaces],
  exports: [EnrollmentsService],
})
export class EnrollmentModule {}
