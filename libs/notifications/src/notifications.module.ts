import { IdentityModule } from '@codeshelf/identity';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { AdminOutboxController } from './admin-outbox.controller';
import { Composer } from './composer';
import { Mailer } from './mailer';
import { OutboxRelay } from './relay';

/** Delivers the outbox by e-mail: in a worker process, or inside the API when WORKER_IN_PROCESS is on. */
@Module({
  imports: [IdentityModule, SchedulingModule],
  controllers: [AdminOutboxController],
  providers: [Mailer, Composer, OutboxRelay],
  exports: [OutboxRelay],
})
export class NotificationsModule {}
