import { type AuditActor, AuditService, OutboxService } from '@codeshelf/core';
import { releaseSeat, type SeatLedger } from '@codeshelf/scheduling';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnrollmentEntity } from '../enrollment.entity';
import { leaveWaitlist, promoteFromWaitlist } from '../queries/seats';

/** Why an active enrollment ends: the teen or staff withdrew it, the teen declined their offer, or it ran out. */
export type Release = 'enrollment.withdrawn' | 'enrollment.declined' | 'enrollment.offer_expired';

/**
 * Where a freed seat goes (rule 2): to the head of the waitlist in the same transaction, seated at once or
 * offered until the program's deadline. The caller holds the program's lock (lockProgramSeats). Providers
 * only, so the worker's offer expiry uses it too.
 */
@Injectable()
export class SeatPassing {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Fills the free seats of the locked program's ledger from the waitlist; each promoted or offered teen gets a message. */
  async promote(manager: EntityManager, programId: string, ledger: SeatLedger, actor: AuditActor): Promise<void> {
    const promoted = await promoteFromWaitlist(manager, programId, ledger.capacity - ledger.enrolledCount, ledger.offerHours);
    for (const { id, participantId, offerExpiresAt } of promoted) {
      const topic = offerExpiresAt ? 'enrollment.offered' : 'enrollment.promoted';
      const offer = offerExpiresAt ? { offerExpiresAt: new Date(offerExpiresAt).toISOString() } : {};
      await this.outbox.enqueue(manager, topic, { enrollmentId: id, programId, participantId, ...offer });
      await this.audit.record({ actor, action: topic, entity: 'enrollment', entityId: id, changes: { programId, participantId, ...offer } }, manager);
    }
  }

  /** Ends an active enrollment of the locked program: the seat (held or offered) or the place in line goes to whoever is next. */
  async release(manager: EntityManager, enrollment: EnrollmentEntity, actor: AuditActor, why: Release, reason?: string): Promise<EnrollmentEntity> {
    const before = { status: enrollment.status, waitlistPosition: enrollment.waitlistPosition, offerExpiresAt: enrollment.offerExpiresAt };
    Object.assign(enrollment, { status: 'withdrawn', waitlistPosition: null, offerExpiresAt: null, withdrawnAt: new Date() });
    await manager.getRepository(EnrollmentEntity).save(enrollment);
    const freed = before.status === 'enrolled' || before.status === 'offered' ? await releaseSeat(manager, enrollment.programId) : null;
    if (before.status === 'waitlisted') await leaveWaitlist(manager, enrollment.programId, before.waitlistPosition!);
    await this.audit.record({ actor, action: why, entity: 'enrollment', entityId: enrollment.id, changes: { from: before, ...(reason ? { reason } : {}) } }, manager);
    await this.outbox.enqueue(manager, why, { enrollmentId: enrollment.id, programId: enrollment.programId, participantId: enrollment.participantId });
    if (freed) await this.promote(manager, enrollment.programId, freed, actor);
    return enrollment;
  }
}
