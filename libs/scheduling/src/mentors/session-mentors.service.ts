import { AuditActor, AuditService, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { SchedulingPolicy } from '../scheduling.policy';
import { MentorConflictError, MentorNotClearedError, MentorNotFoundError, SessionCancelledError, SessionNotFoundError } from '../scheduling.errors';
import { upsertSessionMentor } from '../queries/mentors';
import { conflictingSession, lockSessionWithProgram, mentorBusyElsewhere } from '../queries/session-writes';
import { SessionMentorDto } from './dto/mentor.dto';
import { clearanceGap } from '../queries/clearance-state';
import { MentorEntity } from './mentor.entity';
import { type MentorRole, SessionMentorEntity } from './session-mentor.entity';

@Injectable()
export class SessionMentorsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: SchedulingPolicy,
  ) {}

  /**
   * Assigns (or re-roles) a mentor: cleared on the session's local date (clearanceGap, the rule a move uses
   * too), and in no other session at that time — the exclusion constraint decides the race between two requests.
   */
  assign(principal: Principal, sessionId: string, mentorId: string, role: MentorRole, actor: AuditActor): Promise<SessionMentorDto> {
    return this.transactions.run(async (manager) => {
      const { session, branch } = await this.changeableSession(manager, principal, sessionId);
      if (!(await manager.getRepository(MentorEntity).existsBy({ id: mentorId }))) throw new MentorNotFoundError(mentorId);
      const date = DateTime.fromJSDate(session.startsAt, { zone: branch.timezone }).toISODate()!;
      const gap = await clearanceGap(manager, mentorId, date);
      if (gap) throw new MentorNotClearedError(mentorId, date, gap);
      if (!(await upsertSessionMentor(manager, { sessionId, mentorId, role, startsAt: session.startsAt, endsAt: session.endsAt }))) {
        throw new MentorConflictError(await conflictingSession(manager, await mentorBusyElsewhere(manager, sessionId, session.startsAt, session.endsAt, mentorId)));
      }
      await this.audit.record({ actor, action: 'session.mentor_assigned', entity: 'session', entityId: sessionId, changes: { mentorId, role } }, manager);
      return { sessionId, mentorId, role };
    });
  }

  /** Takes a mentor off a session, a cancelled one too: nothing is booked by removing, and their schedule stops showing it. */
  unassign(principal: Principal, sessionId: string, mentorId: string, actor: AuditActor): Promise<void> {
    return this.transactions.run(async (manager) => {
      await this.changeableSession(manager, principal, sessionId, { cancelled: 'allowed' });
      const { affected } = await manager.getRepository(SessionMentorEntity).delete({ sessionId, mentorId });
      if (!affected) throw new MentorNotFoundError(mentorId);
      await this.audit.record({ actor, action: 'session.mentor_removed', entity: 'session', entityId: sessionId, changes: { mentorId } }, manager);
    });
  }

  private async changeableSession(manager: EntityManager, principal: Principal, sessionId: string, { cancelled }: { cancelled: 'refused' | 'allowed' } = { cancelled: 'refused' }) {
    const { session, program, branch } = await lockSessionWithProgram(manager, sessionId);
    try {
      this.policy.assertCanReadProgram(principal, program);
    } catch {
      throw new SessionNotFoundError(sessionId);
    }
    this.policy.assertCanChangeProgram(principal, program);
    if (session.status === 'cancelled' && cancelled === 'refused') throw new SessionCancelledError(sessionId);
    return { session, branch };
  }
}
