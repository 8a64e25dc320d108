import { AttendanceModule } from '@codeshelf/attendance';
import { IdentityModule } from '@codeshelf/identity';
import { PeopleModule } from '@codeshelf/people';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicantCohorts } from './applications/applicant-cohorts';
import { ApplicationEntity } from './applications/application.entity';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { InternshipEntity } from './internships/internship.entity';
import { InternshipsController } from './internships/internships.controller';
import { InternshipsService } from './internships/internships.service';
import { SponsorEntity } from './sponsors/sponsor.entity';
import { SponsorsController } from './sponsors/sponsors.controller';
import { SponsorsPolicy } from './sponsors/sponsors.policy';
import { SponsorsService } from './sponsors/sponsors.service';
import { SponsorshipEntity } from './sponsorships/sponsorship.entity';
import { SponsorshipsController } from './sponsorships/sponsorships.controller';
import { SponsorshipsService } from './sponsorships/sponsorships.service';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhooks/webhook.entity';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhookResolver } from './webhooks/webhook-url';
import { WebhooksService } from './webhooks/webhooks.service';

/** The companies behind the clubs: sponsors, what they sponsor, and the internships they offer the teens. */
@Module({
  imports: [IdentityModule, PeopleModule, SchedulingModule, AttendanceModule, TypeOrmModule.forFeature([SponsorEntity, SponsorshipEntity, InternshipEntity, ApplicationEntity, WebhookEndpointEntity, WebhookDeliveryEntity])],
  controllers: [SponsorsController, SponsorshipsController, InternshipsController, ApplicationsController, WebhooksController],
  providers: [SponsorsService, SponsorsPolicy, SponsorshipsService, InternshipsService, ApplicationsService, ApplicantCohorts, WebhooksService, WebhookResolver],
  exports: [SponsorsService, SponsorsPolicy, SponsorshipsService, InternshipsService, ApplicationsService, WebhooksService, WebhookResolver],
})
export class PartnersModule {}
