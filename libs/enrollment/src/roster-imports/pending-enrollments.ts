import { type AppEnv, type AuditActor, AuditService, envConfig, requestContext } from '@codeshelf/core';
import { ConsentEvents, type ConsentedTeen, ErasureEvents } from '@codeshelf/people';
import { seatingTerms } from '@codeshelf/scheduling';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eligibilityProblem } from '../eligibility';
import { takePendingEnrollments } from '../queries/pending-enrollments';
import { activeEnrollees } from '../queries/roster-imports';
import { placeEnrollment } from '../queries/seats';

/**
 * The enrollments a roster import asked for minors without consent yet. When the guardian consents, the same
 * transaction enrolls the teen (a seat, else the waitlist, as ever), or drops the request, audited with the
 * reason, when the program no longer takes them (window closed, full without a waitlist, already placed).
 * Erasure drops the requests with the teen.
 */
@Injectable()
export class PendingEnrollments implements OnModuleInit {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly audit: AuditService,
    private readonly consentEvents: ConsentEvents,
    private readonly erasureEvents: ErasureEvents,
  ) {}

  onModuleInit(): void {
    this.consentEvents.onGranted((manager, teen, actor) => this.enroll(manager, teen, actor));
    this.erasureEvents.onErasing(async (manager, participantId) => {
      await takePendingEnrollments(manager, participantId);
    });
  }

  private async enroll(manager: EntityManager, teen: ConsentedTeen, actor: AuditActor): Promise<void> {
    const requestId = requestContext.getStore()?.requestId ?? null;
    for (const { programId } of await takePendingEnrollments(manager, teen.id)) {
      const program = await seatingTerms(manager, programId);
      if (!program) continue;
      const problem = eligibilityProblem(program, { birthDate: teen.birthDate, consentStatus: 'granted' }, this.env.AGE_OF_MAJORITY);
      const reason = problem
        ? (problem.detail ?? problem.title)
        : (await activeEnrollees(manager, programId, [teen.id])).has(teen.id)
          ? 'already has a place in the program'
          : (await placeEnrollment(manager, { programId, participantId: teen.id, source: 'coordinator', actor, requestId }))
            ? null
            : 'the program is full and has no waitlist';
      if (reason) await this.audit.record({ actor, action: 'enrollment.pending_dropped', entity: 'participant', entityId: teen.id, changes: { programId, reason } }, manager);
    }
  }
}
