import { CoreModule, createValidationPipe, HealthModule, ProblemDetailsFilter, RateLimitModule } from '@codeshelf/core';
import { AttendanceModule } from '@codeshelf/attendance';
import { CertificatesHttpModule } from '@codeshelf/certificates';
import { EnrollmentModule } from '@codeshelf/enrollment';
import { FeedbackHttpModule, FeedbackModule } from '@codeshelf/feedback';
import { AccessGuard, IdentityModule } from '@codeshelf/identity';
import { PartnersModule } from '@codeshelf/partners';
import { NotificationsHttpModule, NotificationsModule } from '@codeshelf/notifications';
import { PeopleModule } from '@codeshelf/people';
import { ReportingModule } from '@codeshelf/reporting';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';

@Module({
  imports: [
    CoreModule,
    HealthModule,
    RateLimitModule,
    IdentityModule,
    PeopleModule,
    SchedulingModule,
    PartnersModule,
    EnrollmentModule,
    AttendanceModule,
    FeedbackModule,
    FeedbackHttpModule,
    ReportingModule,
    NotificationsModule,
    NotificationsHttpModule,
    CertificatesHttpModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class AppModule {}
