import type { Principal } from '@codeshelf/identity';
import { MentorsService, SchedulingPolicy, type SessionContext, SessionNotFoundError } from '@codeshelf/scheduling';
import { Injectable } from '@nestjs/common';
import { NotYourSessionError } from './attendance.errors';

/**
 * Who takes and reads attendance (rule 6): the staff of the program's branch, and the mentors currently
 * assigned to that session (not once it is cancelled, nor long after it; see MentorsService.currentMentor).
 * A session of an unpublished program is a 404 to everyone else; otherwise a 403.
 */
@Injectable()
export class AttendancePolicy {
  constructor(
    private readonly scheduling: SchedulingPolicy,
    private readonly mentors: MentorsService,
  ) {}

  isStaff(principal: Principal, branchId: string): boolean {
    return this.scheduling.runsBranch(principal, branchId);
  }

  async assertCanTakeRoll(principal: Principal, session: SessionContext): Promise<void> {
    if (this.isStaff(principal, session.branchId)) return;
    if (principal.role === 'mentor' && (await this.mentors.currentMentor(principal.id, { sessionId: session.id }))) return;
    if (session.programStatus !== 'published') throw new SessionNotFoundError(session.id);
    throw new NotYourSessionError(session.id);
  }
}
