import type { Principal } from '@codeshelf/identity';
import { MentorsService, SchedulingPolicy } from '@codeshelf/scheduling';
import { Injectable } from '@nestjs/common';
import { FeedbackNotFoundError } from './feedback.errors';

/**
 * Who reads feedback: admins, the coordinators of the program's branch, and the mentors of that session (or of
 * any session of the program) as long as they read its roll call (MentorsService.currentMentor). Anyone else is
 * a 404 that says nothing of the session; sponsors and teens are refused by role.
 */
@Injectable()
export class FeedbackPolicy {
  constructor(
    private readonly scheduling: SchedulingPolicy,
    private readonly mentors: MentorsService,
  ) {}

  async assertCanRead(principal: Principal, branchId: string | undefined, of: { sessionId: string } | { programId: string }): Promise<void> {
    const name = 'sessionId' in of ? `session ${of.sessionId}` : `program ${of.programId}`;
    if (branchId === undefined) throw new FeedbackNotFoundError(name);
    if (this.scheduling.runsBranch(principal, branchId)) return;
    if (principal.role === 'mentor' && (await this.mentors.currentMentor(principal.id, of))) return;
    throw new FeedbackNotFoundError(name);
  }
}
