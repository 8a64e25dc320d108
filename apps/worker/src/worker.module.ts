import { CoreModule } from '@codeshelf/core';
import { EnrollmentSeatsModule } from '@codeshelf/enrollment';
import { NotificationsModule } from '@codeshelf/notifications';
import { Module } from '@nestjs/common';

/** The worker: the database, the outbox delivery and the other scheduled jobs; no module of it declares a route. */
@Module({
  imports: [CoreModule, NotificationsModule, EnrollmentSeatsModule],
})
export class WorkerModule {}
