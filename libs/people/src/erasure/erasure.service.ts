import { type AuditActor, AuditService, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ParticipantsPolicy } from '../participants.policy';
import type { ParticipantEntity } from '../participants/participant.entity';
import { ageBandSql, genderGroupSql } from '../report-groups';
import { ErasureEvents } from './erasure-events';
import { scrubJson } from './personal-values';

/**
 * Rule 10: removes a teen's personal data wherever Codeshelf keeps it, in one transaction, and keeps what
 * the reports count of what happened (enrollments of ended programs, attendance, applications, the age band
 * and gender group). Features above people act in the same transaction through ErasureEvents: enrollment
 * gives up the seats of programs not yet ended and every waitlist place, promoting the next in line. Erasure
 * reaches the tables of other features by SQL on purpose: it must leave nothing behind, and those features
 * sit above people in the dependency order.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: ParticipantsPolicy,
    private readonly events: ErasureEvents,
  ) {}

  erase(principal: Principal, id: string, actor: AuditActor): Promise<void> {
    return this.transactions.run(async (manager) => {
      const participant = await this.policy.find(manager, principal, id, { self: true, lock: true });
      const { personal, loginEmail } = await this.personalValues(manager, participant);
      // First, so that what giving up the seats leaves pending for the teen is dropped with the rest below.
      await this.events.emitErasing(manager, id, actor);
      await this.scrubParticipant(manager, participant);
      await this.scrubAccount(manager, participant.userId);
      await manager.query(`DELETE FROM guardian_consent_token WHERE participant_id = $1`, [id]);
      // Free text the teen or staff wrote about them; the rows stay, they are counted.
      await manager.query(`UPDATE application SET statement = '' WHERE participant_id = $1`, [id]);
      await manager.query(`UPDATE attendance SET note = NULL WHERE participant_id = $1 AND note IS NOT NULL`, [id]);
      await this.scrubKept(manager, participant, personal, loginEmail);
      await this.audit.record({ actor, action: 'participant.erased', entity: 'participant', entityId: id, changes: { by: this.policy.isSelf(principal, participant) ? 'self' : 'staff' } }, manager);
    });
  }

  /** Every value that names or reaches the teen, as it may have been copied into messages and audit events. */
  private async personalValues(manager: EntityManager, p: ParticipantEntity): Promise<{ personal: string[]; loginEmail: string | null }> {
    const [account] = p.userId ? await manager.query(`SELECT email, display_name FROM user_account WHERE id = $1`, [p.userId]) : [];
    const personal = [
      `${p.firstName} ${p.lastName}`, p.firstName, p.lastName, p.birthDate, p.school, p.contactEmail, p.guardianName, p.guardianEmail,
      p.guardianPhone, p.postalCode, account?.email, account?.display_name,
    ].filter((v): v is string => typeof v === 'string');
    return { personal, loginEmail: account?.email ?? null };
  }

  /** The birth date becomes the age band each program's report gives it, the free-text gender its group. */
  private async scrubParticipant(manager: EntityManager, p: ParticipantEntity): Promise<void> {
    await manager.query(
      `UPDATE participant pt SET
         erased_age_bands = (SELECT COALESCE(jsonb_object_agg(pr.id, ${ageBandSql(`date_part('year', age(pr.starts_on, pt.birth_date))::int`)}), '{}')
                               FROM program pr WHERE pr.id IN (SELECT program_id FROM enrollment WHERE participant_id = pt.id)),
         gender = NULLIF(${genderGroupSql('pt.gender')}, 'not stated'),
         first_name = 'Erased', last_name = '', birth_date = NULL, school = NULL, grade = NULL, contact_email = NULL,
         guardian_name = '', guardian_email = '', guardian_phone = NULL, postal_code = NULL, erased_at = now(), updated_at = now()
       WHERE pt.id = $1`,
      [p.id],
    );
  }

  /** The teen's login stops working and keeps no address, name or password; the unique e-mail gets a placeholder. */
  private async scrubAccount(manager: EntityManager, userId: string | null): Promise<void> {
    if (!userId) return;
    await manager.query(
      `UPDATE user_account SET email = 'erased+' || id || '@invalid', display_name = 'Erased participant', password_hash = '', disabled = true, updated_at = now()
        WHERE id = $1`,
      [userId],
    );
    await manager.query(`DELETE FROM calendar_feed_token WHERE user_id = $1`, [userId]);
  }

  /**
   * Records kept for their own sake lose the copies: messages not yet sent for the teen are dropped (they
   * would not be sent now), sent ones and audit events keep their shape with the values replaced, and
   * stored idempotent answers that mention the teen are forgotten.
   */
  private async scrubKept(manager: EntityManager, p: ParticipantEntity, personal: string[], loginEmail: string | null): Promise<void> {
    // Rows are found by what only this teen has (a guardian's e-mail may be a sibling's too), then scrubbed of every value.
    const refs = [p.id, p.userId, p.contactEmail, loginEmail].filter((v): v is string => !!v).map((v) => `%${v.replace(/[\\%_]/g, '\\$&')}%`);
    await manager.query(`DELETE FROM outbox_message WHERE status = 'pending' AND payload::text ILIKE ANY($1)`, [refs]);
    const messages: { id: string; payload: unknown; last_error: string | null }[] = await manager.query(
      `SELECT id, payload, last_error FROM outbox_message WHERE payload::text ILIKE ANY($1) FOR UPDATE`,
      [refs],
    );
    for (const m of messages) {
      // A delivery error may quote the address it failed on.
      const [payload, lastError] = scrubJson([m.payload, m.last_error], personal) as [unknown, string | null];
      await manager.query(`UPDATE outbox_message SET payload = $2, last_error = $3 WHERE id = $1`, [m.id, JSON.stringify(payload), lastError]);
    }
    const events: { id: string; changes: unknown }[] = await manager.query(
      `SELECT id, changes FROM audit_event WHERE entity_id = ANY($2::uuid[]) OR changes::text ILIKE ANY($1) FOR UPDATE`,
      [refs, [p.id, p.userId].filter(Boolean)],
    );
    for (const e of events) {
      const changes = scrubJson(e.changes, personal);
      if (JSON.stringify(changes) !== JSON.stringify(e.changes)) await manager.query(`UPDATE audit_event SET changes = $2 WHERE id = $1`, [e.id, JSON.stringify(changes)]);
    }
    await manager.query(`DELETE FROM idempotency_key WHERE scope = $1 OR response_body::text ILIKE ANY($2)`, [`user:${p.userId}`, refs]);
  }
}
