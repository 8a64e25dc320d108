import { ErasureEvents } from '@codeshelf/people';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { deleteFeedToken } from '../queries/calendar-feed-tokens';

/** An erased teen's login keeps no calendar feed secret (rule 10), in the erasure's own transaction. */
@Injectable()
export class CalendarErasure implements OnModuleInit {
  constructor(private readonly erasureEvents: ErasureEvents) {}

  onModuleInit(): void {
    this.erasureEvents.onLoginErased((manager, userId) => deleteFeedToken(manager, userId));
  }
}
