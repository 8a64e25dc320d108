import { ErasureEvents } from '@codeshelf/people';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { eraseFeedbackComments } from './queries/feedback';

/** An erased teen's comments go in the erasure's own transaction (rule 10); their ratings stay, counted and anonymous. */
@Injectable()
export class FeedbackErasure implements OnModuleInit {
  constructor(private readonly erasureEvents: ErasureEvents) {}

  onModuleInit(): void {
    this.erasureEvents.onScrubbing((manager, participantId) => eraseFeedbackComments(manager, participantId));
  }
}
