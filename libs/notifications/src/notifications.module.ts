import { IdentityModule } from '@codeshelf/identity';
import { PartnersModule } from '@codeshelf/partners';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { AdminOutboxController } from './admin-outbox.controller';
import { Composer } from './composer';
import { Mailer } from './mailer';
import { OutboxRelay } from './relay';
import { WebhookDispatcher } from './webhook-dispatcher';

/** Delivers the outbox by e-mail and sponsors' webhooks: in a worker process, or inside the API when WORKER_IN_PROCESS is on. */
@Module({
  imports: [IdentityModule, SchedulingModule, PartnersModule],
  controllers: [AdminOutboxController],
  providers: [Mailer, Composer, WebhookDispatcher, OutboxRelay],
  exports: [OutboxRelay],
})
export class NotificationsModule {}
