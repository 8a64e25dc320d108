import { Module } from '@nestjs/common';
import { AdminOutboxController } from './admin-outbox.controller';

/** The admin's routes over the outbox, for the API only. */
@Module({
  controllers: [AdminOutboxController],
})
export class NotificationsHttpModule {}
