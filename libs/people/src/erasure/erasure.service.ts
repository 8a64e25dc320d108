import {
  type AuditActor,
  AuditService,
  dropPendingMessagesMentioning,
  forgetIdempotentAnswersMentioning,
  lockAuditEventsMentioning,
  lockMessagesMentioning,
  rewriteAuditChanges,
  rewriteMessage,
  TransactionService,
} from '@codeshelf/core';
import { eraseLogin, loginNames, type Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ParticipantsPolicy } from '../participants.policy';
import { ParticipantPlaces } from '../participants/participant-places';
import type { ParticipantEntity } from '../participants/participant.entity';
import { deleteConsentTokens, scrubParticipant } from '../queries/erasure';
import { ErasureEvents } from './erasure-events';
import { scrubJson } from './personal-values';

/**
 * Rule 10: removes a teen's personal data wherever Codeshelf keeps it, in one transaction, and keeps what
 * the reports count of what happened (enrollments of ended programs, attendance, applications, the age band
 * and gender group). Each feature erases its own part in the same transaction: identity the login, core the
 * copies in messages, audit events and idempotent answers, and the features above people through
 * ErasureEvents (enrollment gives up the seats of programs not yet ended and every waitlist place, promoting
 * the next in line; scheduling drops the calendar feed secret; partners and attendance blank free text).
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: ParticipantsPolicy,
    private readonly places: ParticipantPlaces,
    private readonly events: ErasureEvents,
  ) {}

  erase(principal: Principal, id: string, actor: AuditActor): Promise<void> {
    return this.transactions.run(async (manager) => {
      const participant = await this.policy.find(manager, principal, id, { self: true, lock: true });
      const { personal, loginEmail } = await this.personalValues(manager, participant);
      // First, so that what giving up the seats leaves pending for the teen is dropped with the rest below.
      await this.events.emitErasing(manager, id, actor);
      await scrubParticipant(manager, id, this.places.programs());
      if (participant.userId) {
        await eraseLogin(manager, participant.userId);
        await this.events.emitLoginErased(manager, participant.userId);
      }
      await deleteConsentTokens(manager, id);
      // Free text the teen or staff wrote about them; the rows stay, they are counted.
      await this.events.emitScrubbing(manager, id);
      await this.scrubKept(manager, participant, personal, loginEmail);
      await this.audit.record({ actor, action: 'participant.erased', entity: 'participant', entityId: id, changes: { by: this.policy.isSelf(principal, participant) ? 'self' : 'staff' } }, manager);
    });
  }

  /** Every value that names or reaches the teen, as it may have been copied into messages and audit events. */
  private async personalValues(manager: EntityManager, p: ParticipantEntity): Promise<{ personal: string[]; loginEmail: string | null }> {
    const login = p.userId ? await loginNames(manager, p.userId) : undefined;
    const personal = [
      `${p.firstName} ${p.lastName}`, p.firstName, p.lastName, p.birthDate, p.school, p.contactEmail, p.guardianName, p.guardianEmail,
      p.guardianPhone, p.postalCode, login?.email, login?.displayName,
    ].filter((v): v is string => typeof v === 'string');
    return { personal, loginEmail: login?.email ?? null };
  }

  /**
   * Records kept for their own sake lose the copies: messages not yet sent for the teen are dropped (they
   * would not be sent now), sent ones and audit events keep their shape with the values replaced, and
   * stored idempotent answers that mention the teen are forgotten.
   */
  private async scrubKept(manager: EntityManager, p: ParticipantEntity, personal: string[], loginEmail: string | null): Promise<void> {
    // Rows are found by what only this teen has (a guardian's e-mail may be a sibling's too), then scrubbed of every value.
    const refs = [p.id, p.userId, p.contactEmail, loginEmail].filter((v): v is string => !!v).map((v) => `%${v.replace(/[\\%_]/g, '\\$&')}%`);
    await dropPendingMessagesMentioning(manager, refs);
    for (const m of await lockMessagesMentioning(manager, refs)) {
      // A delivery error may quote the address it failed on.
      const [payload, lastError] = scrubJson([m.payload, m.last_error], personal) as [unknown, string | null];
      await rewriteMessage(manager, m.id, payload, lastError);
    }
    for (const e of await lockAuditEventsMentioning(manager, refs, [p.id, p.userId].filter((v): v is string => !!v))) {
      const changes = scrubJson(e.changes, personal);
      if (JSON.stringify(changes) !== JSON.stringify(e.changes)) await rewriteAuditChanges(manager, e.id, changes);
    }
    await forgetIdempotentAnswersMentioning(manager, `user:${p.userId}`, refs);
  }
}
