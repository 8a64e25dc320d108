import { ErasureEvents } from '@codeshelf/people';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { eraseAttendanceNotes } from './queries/attendance-notes';

/** An erased teen's attendance keeps no free text about them (rule 10), in the erasure's own transaction. */
@Injectable()
export class AttendanceErasure implements OnModuleInit {
  constructor(private readonly erasureEvents: ErasureEvents) {}

  onModuleInit(): void {
    this.erasureEvents.onScrubbing((manager, participantId) => eraseAttendanceNotes(manager, participantId));
  }
}
