import { IdentityModule } from '@codeshelf/identity';
import { PeopleModule } from '@codeshelf/people';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeedbackErasure } from './feedback-erasure';
import { FeedbackPolicy } from './feedback.policy';
import { FeedbackService } from './feedback.service';
import { SessionFeedbackEntity } from './session-feedback.entity';

/** What teens say of their sessions: ratings and comments, read without names. No routes (FeedbackHttpModule's). */
@Module({
  imports: [IdentityModule, PeopleModule, SchedulingModule, TypeOrmModule.forFeature([SessionFeedbackEntity])],
  providers: [FeedbackService, FeedbackPolicy, FeedbackErasure],
  exports: [FeedbackService],
})
export class FeedbackModule {}
