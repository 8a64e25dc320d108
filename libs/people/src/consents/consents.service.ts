import type { AppEnv } from '@codeshelf/core';
import { AuditActor, AuditService, envConfig, OutboxService, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ParticipantsPolicy } from '../participants.policy';
import { ParticipantDto } from '../participants/dto/participant.dto';
import { SetConsentDto } from '../participants/dto/set-consent.dto';
import { ParticipantEntity } from '../participants/participant.entity';
import { consentLink } from '../queries/consents';
import { lockParticipant } from '../queries/participant-writes';
import { ConsentLinkGoneError, ConsentLinkNotFoundError, ConsentNotPendingError, ParticipantNotFoundError } from '../people.errors';
import { AnswerConsentDto } from './dto/answer-consent.dto';
import { ConsentAnswerDto } from './dto/consent-answer.dto';
import { ConsentRequestDto } from './dto/consent-request.dto';
import { ConsentResentDto } from './dto/consent-resent.dto';
import { ConsentEvents } from './consent-events';
import { GuardianConsentTokenEntity } from './guardian-consent-token.entity';

const DAY_MS = 86_400_000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The topic of the mail that asks a guardian for consent. */
export const CONSENT_REQUESTED = 'guardian.consent_requested';

/** A consent link to store (its hash) and the mail to the guardian that carries it. */
export interface ConsentRequest {
  tokenHash: string;
  expiresAt: Date;
  mail: Record<string, unknown>;
}

/** A guardian's consent for a minor: the one-time links, the guardian's answer, and what staff record. */
@Injectable()
export class ConsentsService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    @InjectRepository(GuardianConsentTokenEntity) private readonly tokens: Repository<GuardianConsentTokenEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly policy: ParticipantsPolicy,
    private readonly events: ConsentEvents,
  ) {}

  /** Mints a single-use link (only its hash is stored) and queues the e-mail to the guardian, in their language. */
  async requestConsent(manager: EntityManager, participant: ParticipantEntity): Promise<Date> {
    const request = this.consentRequest(participant);
    await manager.getRepository(GuardianConsentTokenEntity).insert({ participantId: participant.id, tokenHash: request.tokenHash, expiresAt: request.expiresAt });
    await this.outbox.enqueue(manager, CONSENT_REQUESTED, request.mail);
    return request.expiresAt;
  }

  /**
   * A new link for the teen and the mail that carries it, for a caller that writes many at once (a roster
   * import): the same link and mail `requestConsent` writes for one.
   */
  consentRequest(participant: Pick<ParticipantEntity, 'id' | 'firstName' | 'guardianName' | 'guardianEmail' | 'guardianLanguage'>): ConsentRequest {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.env.CONSENT_LINK_TTL_DAYS * DAY_MS);
    const mail = {
      participantId: participant.id,
      guardianEmail: participant.guardianEmail,
      guardianName: participant.guardianName,
      teenFirstName: participant.firstName,
      language: participant.guardianLanguage,
      // The web app's consent page, which reads and answers the link through /v1/consents/{token}.
      consentUrl: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/consent/${token}`,
      expiresAt: expiresAt.toISOString(),
    };
    return { tokenHash: hashToken(token), expiresAt, mail };
  }

  /** A teen whose consent is pending has their guardian mailed again: a new link, and the old ones stop. */
  resend(principal: Principal): Promise<ConsentResentDto> {
    return this.transactions.run(async (manager) => {
      const participant = await manager
        .getRepository(ParticipantEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.userId = :userId AND p.erasedAt IS NULL', { userId: principal.id })
        .getOne();
      if (!participant) throw new ParticipantNotFoundError('of this account');
      return this.mailAgain(manager, participant, { id: principal.id, kind: 'user' }, 'resend');
    });
  }

  /** The same, asked by the staff of the teen's branch (a teen they may not act on is a 404). */
  resendFor(principal: Principal, participantId: string, actor: AuditActor): Promise<ConsentResentDto> {
    return this.transactions.run(async (manager) => {
      const participant = await this.policy.find(manager, principal, participantId, { self: false, lock: true });
      return this.mailAgain(manager, participant, actor, 'staff-resend');
    });
  }

  private async mailAgain(manager: EntityManager, participant: ParticipantEntity, actor: AuditActor, via: string): Promise<ConsentResentDto> {
    if (participant.consentStatus !== 'pending') throw new ConsentNotPendingError(participant.consentStatus);
    await this.retireLinks(manager, participant.id);
    const expiresAt = await this.requestConsent(manager, participant);
    await this.audit.record({ actor, action: 'participant.consent_requested', entity: 'participant', entityId: participant.id, changes: { via } }, manager);
    return { expiresAt };
  }

  /** Links not yet used stop working: the decision was made another way, or went to another guardian. */
  async retireLinks(manager: EntityManager, participantId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(GuardianConsentTokenEntity)
      .set({ usedAt: () => 'now()' })
      .where('participant_id = :participantId AND used_at IS NULL', { participantId })
      .execute();
  }

  /** What an open link asks for, so that a consent page can show it before the guardian answers. */
  async describe(token: string): Promise<ConsentRequestDto> {
    const link = await consentLink(this.tokens.manager, hashToken(token));
    if (!link) throw new ConsentLinkNotFoundError();
    if (!link.open) throw new ConsentLinkGoneError();
    return { teenFirstName: link.first_name, guardianName: link.guardian_name, language: link.guardian_language, expiresAt: link.expires_at };
  }

  /** The guardian's answer. The guarded UPDATE lets only one of two concurrent uses of a link through. */
  answer(token: string, dto: AnswerConsentDto): Promise<ConsentAnswerDto> {
    const tokenHash = hashToken(token);
    return this.transactions.run(async (manager) => {
      const { raw } = await manager
        .createQueryBuilder()
        .update(GuardianConsentTokenEntity)
        .set({ usedAt: () => 'now()' })
        .where('token_hash = :tokenHash AND used_at IS NULL AND expires_at > now()', { tokenHash })
        .returning('participant_id')
        .execute();
      const used = (raw as { participant_id: string }[])[0];
      if (!used) {
        const known = await manager.getRepository(GuardianConsentTokenEntity).existsBy({ tokenHash });
        throw known ? new ConsentLinkGoneError() : new ConsentLinkNotFoundError();
      }
      const participant = await lockParticipant(manager, used.participant_id).catch((error: unknown) => {
        // Erased since the link was sent.
        throw error instanceof ParticipantNotFoundError ? new ConsentLinkGoneError() : error;
      });
      const from = participant.consentStatus;
      Object.assign(
        participant,
        dto.accept
          ? { consentStatus: 'granted', consentGrantedAt: new Date(), mediaConsent: dto.mediaConsent ?? participant.mediaConsent }
          : { consentStatus: 'revoked', consentGrantedAt: null, mediaConsent: false },
      );
      await manager.getRepository(ParticipantEntity).save(participant);
      await this.retireLinks(manager, participant.id);
      await this.audit.record(
        {
          actor: { id: null, kind: 'anonymous' },
          action: dto.accept ? 'participant.consent_granted' : 'participant.consent_declined',
          entity: 'participant',
          entityId: participant.id,
          changes: { guardianName: dto.guardianName, via: 'link', from, to: participant.consentStatus, mediaConsent: participant.mediaConsent },
        },
        manager,
      );
      if (participant.consentStatus === 'granted' && from !== 'granted') await this.events.emitGranted(manager, participant, { id: null, kind: 'anonymous' });
      return { participantId: participant.id, consentStatus: participant.consentStatus };
    });
  }

  /** Staff record a decision that reached them on paper or by phone; open links are retired. */
  record(principal: Principal, participantId: string, dto: SetConsentDto, actor: AuditActor): Promise<ParticipantDto> {
    return this.transactions.run(async (manager) => {
      // The teen never records their own guardian's consent.
      const participant = await this.policy.find(manager, principal, participantId, { self: false, lock: true });
      const from = participant.consentStatus;
      participant.consentStatus = dto.status;
      participant.consentGrantedAt = dto.status === 'granted' ? (from === 'granted' ? participant.consentGrantedAt : new Date()) : null;
      await manager.getRepository(ParticipantEntity).save(participant);
      await this.retireLinks(manager, participant.id);
      await this.audit.record(
        {
          actor,
          action: dto.status === 'granted' ? 'participant.consent_granted' : 'participant.consent_revoked',
          entity: 'participant',
          entityId: participant.id,
          changes: { guardianName: dto.guardianName, via: 'staff', from, to: dto.status },
        },
        manager,
      );
      if (dto.status === 'granted' && from !== 'granted') await this.events.emitGranted(manager, participant, actor);
      return ParticipantDto.from(participant);
    });
  }
}
