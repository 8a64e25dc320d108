import { SchedulerModule } from '@codeshelf/core';
import { SponsorsModule } from '@codeshelf/partners';
import { CalendarModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { Composer } from './composer';
import { Mailer } from './mailer';
import { OutboxRelay } from './relay';
import { WebhookDispatcher } from './webhook-dispatcher';

/**
 * Delivers the outbox by e-mail and sponsors' webhooks: in a worker process, or inside the API when
 * WORKER_IN_PROCESS is on. No routes, and it loads none (the admin's outbox routes are NotificationsHttpModule's).
 */
@Module({
  imports: [SchedulerModule, CalendarModule, SponsorsModule],
  providers: [Mailer, Composer, WebhookDispatcher, OutboxRelay],
  exports: [OutboxRelay],
})
export class NotificationsModule {}
