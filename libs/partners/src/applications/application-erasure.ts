import { ErasureEvents } from '@codeshelf/people';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { eraseApplicationStatements } from '../queries/application-statements';

/** An erased teen's applications keep no free text of theirs (rule 10), in the erasure's own transaction. */
@Injectable()
export class ApplicationErasure implements OnModuleInit {
  constructor(private readonly erasureEvents: ErasureEvents) {}

  onModuleInit(): void {
    this.erasureEvents.onScrubbing((manager, participantId) => eraseApplicationStatements(manager, participantId));
  }
}
