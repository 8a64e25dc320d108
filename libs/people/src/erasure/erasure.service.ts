import { type AuditActor, AuditService, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ParticipantsPolicy } from '../participants.policy';
import type { ParticipantEntity } from '../participants/participant.entity';
import { lockParticipant } from '../participants/participant-writes';
import { ageBandSql, genderGroupSql } from '../report-groups';
import { scrubJson } from './personal-values';

/**
 * Rule 10: removes a teen's personal data wherever Codeshelf keeps it, in one transaction, and keeps what
 * the reports count (enrollments, attendance, applications, the age band and gender group). Erasure reaches
 * the tables of other features by SQL on purpose: it must leave nothing behind, and those features sit
 * above people in the dependency order.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: ParticipantsPolicy,
  ) {}

  erase(principal: Principal, id: string, actor: AuditActor): Promise<void> {
    return this.transactions.run(async (manager) => {
      const participant = await lockParticipant(manager, id);
      this.policy.assertCanAccess(principal, participant);
      const { personal, loginEmail } = await this.personalValues(manager, participant);
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
    const targets = [p.id, p.userId].filter((v): v is string => !!v);
    for (const [table, column, key] of [['outbox_message', 'payload', 'id'], ['audit_event', 'changes', 'id']] as const) {
      const rows: { id: string; doc: unknown }[] = await manager.query(
        `SELECT ${key} AS id, ${column} AS doc FROM ${table} WHERE ${column}::text ILIKE ANY($1)${table === 'audit_event' ? ' OR entity_id = ANY($2::uuid[])' : ''} FOR UPDATE`,
        table === 'audit_event' ? [refs, targets] : [refs],
      );
      for (const row of rows) {
        const scrubbed = scrubJson(row.doc, personal);
        if (JSON.stringify(scrubbed) !== JSON.stringify(row.doc)) await manager.query(`UPDATE ${table} SET ${column} = $2 WHERE ${key} = $1`, [row.id, JSON.stringify(scrubbed)]);
      }
    }
    await manager.query(`DELETE FROM idempotency_key WHERE scope = $1 OR response_body::text ILIKE ANY($2)`, [`user:${p.userId}`, refs]);
  }
}
