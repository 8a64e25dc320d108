import { AttendanceModule } from '@codeshelf/attendance';
import { IdentityModule } from '@codeshelf/identity';
import { PeopleModule } from '@codeshelf/people';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicantCohorts } from './applications/applicant-cohorts';
import { ApplicationErasure } from './applications/application-erasure';
import { ApplicationEntity } from './applications/application.entity';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { InternshipEntity } from './internships/internship.entity';
import { InternshipsController } from './internships/internships.controller';
import { InternshipsService } from './internships/internships.service';
import { SponsorsModule } from './sponsors.module';
import { SponsorsController } from './sponsors/sponsors.controller';
import { SponsorshipEntity } from './sponsorships/sponsorship.entity';
import { SponsorshipsController } from './sponsorships/sponsorships.controller';
import { SponsorshipsService } from './sponsorships/sponsorships.service';
import { WebhooksController } from './webhooks/webhooks.controller';

/** The companies behind the clubs: sponsors, what they sponsor, and the internships they offer the teens. */
@Module({
  imports: [IdentityModule, PeopleModule, SchedulingModule, AttendanceModule, SponsorsModule, TypeOrmModule.forFeature([SponsorshipEntity, InternshipEntity, ApplicationEntity])],
  controllers: [SponsorsController, SponsorshipsController, InternshipsController, ApplicationsController, WebhooksController],
  providers: [SponsorshipsService, InternshipsService, ApplicationsService, ApplicationErasure, ApplicantCohorts],
  exports: [SponsorsModule, SponsorshipsService, InternshipsService, ApplicationsService],
})
export class PartnersModule {}
