import { Module } from '@nestjs/common';
import { FeedbackController } from './feedback.controller';
import { FeedbackModule } from './feedback.module';

/** Feedback's routes, for the API only. */
@Module({
  imports: [FeedbackModule],
  controllers: [FeedbackController],
})
export class FeedbackHttpModule {}
