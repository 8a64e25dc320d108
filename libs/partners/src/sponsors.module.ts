import { SchedulerModule } from '@codeshelf/core';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MonthlyReportAnnouncements } from './jobs/monthly-report-announcements';
import { SponsorEntity } from './sponsors/sponsor.entity';
import { SponsorsPolicy } from './sponsors/sponsors.policy';
import { SponsorsService } from './sponsors/sponsors.service';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhooks/webhook.entity';
import { WebhookResolver } from './webhooks/webhook-url';
import { WebhooksService } from './webhooks/webhooks.service';

/**
 * Sponsors and their webhook endpoints, and the monthly report announcements: no routes (PartnersModule
 * declares them), so the worker, which delivers the webhooks, loads it without HTTP.
 */
@Module({
  imports: [SchedulerModule, TypeOrmModule.forFeature([SponsorEntity, WebhookEndpointEntity, WebhookDeliveryEntity])],
  providers: [SponsorsService, SponsorsPolicy, WebhooksService, WebhookResolver, MonthlyReportAnnouncements],
  exports: [SponsorsService, SponsorsPolicy, WebhooksService, WebhookResolver, MonthlyReportAnnouncements],
})
export class SponsorsModule {}
