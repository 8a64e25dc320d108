import { CoreModule } from '@codeshelf/core';
import { NotificationsModule } from '@codeshelf/notifications';
import { Module } from '@nestjs/common';

/** The worker: the database and the outbox delivery, no HTTP. */
@Module({
  imports: [CoreModule, NotificationsModule],
})
export class WorkerModule {}
