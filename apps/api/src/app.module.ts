import { CoreModule, createValidationPipe, ProblemDetailsFilter } from '@codeshelf/core';
import { AccessGuard, IdentityModule } from '@codeshelf/identity';
import { PeopleModule } from '@codeshelf/people';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';

@Module({
  imports: [CoreModule, IdentityModule, PeopleModule],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class AppModule {}
