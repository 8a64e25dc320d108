import type { AppEnv } from '@codeshelf/core';
import { AuditActor, AuditService, envConfig, escapeLike, Page, paginate, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isMinor } from '../age';
import { ConsentsService } from '../consents/consents.service';
import { ParticipantsPolicy } from '../participants.policy';
import { MediaConsentNeedsGuardianError, ParticipantNotFoundError } from '../people.errors';
import { CreateParticipantDto } from './dto/create-participant.dto';
import { ListParticipantsQuery } from './dto/list-participants.query';
import { ParticipantDto } from './dto/participant.dto';
import { UpdateOwnParticipantDto, UpdateParticipantDto } from './dto/update-participant.dto';
import { type ConsentStatus, type GuardianLanguage, ParticipantEntity } from './participant.entity';
import { mapParticipantWriteError } from '../queries/participant-writes';
import { type ParticipantName, participantNames } from '../queries/participant-names';
import { insertRosterTeens, type KnownTeen, knownTeens, type TeenKey } from '../queries/roster';
import { CONSENT_REQUESTED } from '../consents/consents.service';
import { randomUUID } from 'node:crypto';

/** What a new participant record is made of, whoever creates it (sign-up or a coordinator). */
export interface NewParticipant extends Omit<CreateParticipantDto, 'guardianName' | 'guardianEmail'> {
  /** Null only for a teen who signed up as an adult. */
  guardianName: string | null;
  guardianEmail: string | null;
  /** The teen's own login, when they signed up. */
  userId?: string | null;
}

/** A teen of a school's roster, checked by CreateParticipantDto's rules, at the branch importing it. */
export interface RosterTeen {
  firstName: string;
  lastName: string;
  birthDate: string;
  school: string;
  schoolId: string;
  grade: number | null;
  guardianName: string;
  guardianEmail: string;
  guardianLanguage: GuardianLanguage;
  homeBranchId: string;
}

@Injectable()
export class ParticipantsService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly consents: ConsentsService,
    private readonly policy: ParticipantsPolicy,
  ) {}

  /**
   * Inserts a participant inside the caller's transaction. A minor starts `pending` and their guardian is
   * sent a consent link; an adult consents for themself.
   */
  async createRecord(manager: EntityManager, input: NewParticipant, actor: AuditActor, via: 'signup' | 'staff'): Promise<ParticipantEntity> {
    const minor = isMinor(input.birthDate, this.env.AGE_OF_MAJORITY);
    const repository = manager.getRepository(ParticipantEntity);
    const participant = repository.create({
      ...input,
      userId: input.userId ?? null,
      homeBranchId: input.homeBranchId ?? null,
      guardianLanguage: input.guardianLanguage ?? 'en',
      consentStatus: minor ? 'pending' : 'granted',
      consentGrantedAt: minor ? null : new Date(),
    });
    await repository.save(participant).catch(mapParticipantWriteError);
    if (minor) await this.consents.requestConsent(manager, participant);
    await this.audit.record(
      { actor, action: 'participant.created', entity: 'participant', entityId: participant.id, changes: { via, consentStatus: participant.consentStatus } },
      manager,
    );
    return participant;
  }

  /**
   * A roster's new teens, in the caller's transaction and one statement: what `createRecord` writes for each
   * (a minor `pending` with a consent link mailed to the guardian, an adult `granted`, an audit event), so a
   * 5,000-row roster costs one round trip. Answers each teen's id and consent status, in order.
   */
  async createRoster(manager: EntityManager, teens: RosterTeen[], actor: AuditActor, requestId: string | null): Promise<{ id: string; consentStatus: ConsentStatus }[]> {
    const rows = teens.map((teen) => {
      const id = randomUUID();
      const minor = isMinor(teen.birthDate, this.env.AGE_OF_MAJORITY);
      const request = minor ? this.consents.consentRequest({ id, ...teen }) : null;
      return {
        id,
        first_name: teen.firstName,
        last_name: teen.lastName,
        birth_date: teen.birthDate,
        school: teen.school,
        school_id: teen.schoolId,
        grade: teen.grade,
        guardian_name: teen.guardianName,
        guardian_email: teen.guardianEmail,
        guardian_language: teen.guardianLanguage,
        home_branch_id: teen.homeBranchId,
        consent_status: minor ? ('pending' as const) : ('granted' as const),
        token_hash: request?.tokenHash ?? null,
        token_expires_at: request?.expiresAt.toISOString() ?? null,
        mail: request?.mail ?? null,
      };
    });
    await insertRosterTeens(manager, rows, actor, requestId, CONSENT_REQUESTED);
    return rows.map((r) => ({ id: r.id, consentStatus: r.consent_status }));
  }

  /** The teens already known (not erased) for each key: by name and birth date, or name and guardian e-mail. */
  known(manager: EntityManager, keys: TeenKey[]): Promise<KnownTeen[]> {
    return knownTeens(manager, keys);
  }

  /** Participants not erased, by id: for features that check or show them (enrollment, rosters). Not audited here. */
  findActive(ids: string[]): Promise<ParticipantEntity[]> {
    return ids.length ? this.participants.createQueryBuilder('p').where('p.id = ANY(CAST(:ids AS uuid[])) AND p.erasedAt IS NULL', { ids }).getMany() : Promise.resolve([]);
  }

  /** Only the names of teens not erased, for sheets that show nothing else (less personal data read, no entities built). */
  namesOf(ids: string[]): Promise<ParticipantName[]> {
    return ids.length ? participantNames(this.participants.manager, ids) : Promise.resolve([]);
  }

  /**
   * SQL for a query builder: whether the teen `participantId` (an SQL expression) is one of the teens of the
   * branches `:<param>` (a uuid[]), as `reachable` decides it: for lists of other features (applicants).
   */
  ofBranchesSql(participantId: string, param: string): string {
    return this.policy.ofBranchesSql(participantId, param);
  }

  /**
   * The teen behind `id` if the principal acts on them as staff (an admin every teen; a coordinator the teens
   * of their branches: home branch, or a place in one of their programs), else the ParticipantNotFoundError an
   * unknown id gets. With `self`, a teen reaches themself too. Every feature that takes a participant id asks this.
   */
  reachable(principal: Principal, id: string, { self = false }: { self?: boolean } = {}): Promise<ParticipantEntity> {
    return this.policy.find(this.participants.manager, principal, id, { self });
  }

  /** Which of `ids` the principal acts on as staff: a sheet shows the others no more than a name. */
  reachableIds(principal: Principal, ids: string[], manager = this.participants.manager): Promise<Set<string>> {
    return this.policy.actsOn(manager, principal, ids);
  }

  /** The teen's own record behind a login, if it has one and it is not erased. */
  findByUser(userId: string): Promise<ParticipantEntity | null> {
    return this.participants.createQueryBuilder('p').where('p.userId = :userId AND p.erasedAt IS NULL', { userId }).getOne();
  }

  create(principal: Principal, dto: CreateParticipantDto, actor: AuditActor): Promise<ParticipantDto> {
    this.policy.assertCanPlaceAt(principal, dto.homeBranchId);
    return this.transactions.run(async (manager) => ParticipantDto.from(await this.createRecord(manager, dto, actor, 'staff')));
  }

  /** Staff lists: an admin sees every participant, a coordinator the teens of their branches. Audited as a read. */
  async list(principal: Principal, query: ListParticipantsQuery, actor: AuditActor): Promise<Page<ParticipantDto>> {
    const qb = this.policy.narrow(this.participants.createQueryBuilder('p').where('p.erasedAt IS NULL'), principal, { self: false });
    if (query.homeBranchId) qb.andWhere('p.homeBranchId = :homeBranchId', { homeBranchId: query.homeBranchId });
    if (query.consentStatus) qb.andWhere('p.consentStatus = :consentStatus', { consentStatus: query.consentStatus });
    if (query.q) qb.andWhere(`concat_ws(' ', p.firstName, p.lastName) ILIKE :q`, { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, 'createdAt');
    if (page.items.length) {
      await this.audit.record({ actor, action: 'participant.viewed', entity: 'participant', changes: { via: 'list', ids: page.items.map((p) => p.id) } });
    }
    return { items: page.items.map(ParticipantDto.from), nextCursor: page.nextCursor };
  }

  /** One participant; a read by anyone but the teen themself is audited. */
  async get(principal: Principal, id: string, actor: AuditActor): Promise<ParticipantDto> {
    const participant = await this.reachable(principal, id, { self: true });
    if (!this.policy.isSelf(principal, participant)) {
      await this.audit.record({ actor, action: 'participant.viewed', entity: 'participant', entityId: id, changes: { via: 'get' } });
    }
    return ParticipantDto.from(participant);
  }

  /** The signed-in teen's own record (not audited: it is their own data). */
  async getOwn(principal: Principal): Promise<ParticipantDto> {
    const participant = await this.findByUser(principal.id);
    if (!participant) throw new ParticipantNotFoundError('of this account');
    return ParticipantDto.from(participant);
  }

  /** `dto` was validated against the body the policy chose for the caller (the teen's is narrower). */
  update(principal: Principal, id: string, dto: UpdateOwnParticipantDto | UpdateParticipantDto, actor: AuditActor): Promise<ParticipantDto> {
    return this.transactions.run(async (manager) => {
      const participant = await this.policy.find(manager, principal, id, { self: true, lock: true });
      if ('homeBranchId' in dto && dto.homeBranchId !== undefined) this.policy.assertCanMove(principal, participant.homeBranchId, dto.homeBranchId);
      const wasMinor = isMinor(participant.birthDate, this.env.AGE_OF_MAJORITY);
      if (dto.mediaConsent === true && this.policy.isSelf(principal, participant) && wasMinor) throw new MediaConsentNeedsGuardianError();
      const before = { ...participant };
      const fields = (Object.keys(dto) as (keyof typeof dto)[]).filter((key) => dto[key] !== undefined && dto[key] !== before[key]);
      Object.assign(participant, Object.fromEntries(fields.map((key) => [key, dto[key]])));
      const consentChange = await this.reconsider(manager, before, participant, wasMinor);
      if (!fields.length && !consentChange) return ParticipantDto.from(participant);
      await manager.getRepository(ParticipantEntity).save(participant).catch(mapParticipantWriteError);
      await this.audit.record(
        { actor, action: 'participant.updated', entity: 'participant', entityId: id, changes: { fields, ...(consentChange ? { consentStatus: consentChange } : {}) } },
        manager,
      );
      return ParticipantDto.from(participant);
    });
  }

  /**
   * A change of birth date or guardian can make the consent on file moot: a teen who turns out to be a
   * minor needs their guardian asked, and a pending request follows the guardian's new e-mail.
   */
  private async reconsider(manager: EntityManager, before: ParticipantEntity, after: ParticipantEntity, wasMinor: boolean) {
    if (!isMinor(after.birthDate, this.env.AGE_OF_MAJORITY)) {
      // Now known to be an adult: they consent for themself, as an adult who signs up does.
      if (!wasMinor || after.consentStatus !== 'pending') return null;
      Object.assign(after, { consentStatus: 'granted', consentGrantedAt: new Date() });
      await this.consents.retireLinks(manager, after.id);
      return { from: before.consentStatus, to: after.consentStatus };
    }
    const becameMinor = !wasMinor;
    const newGuardian = after.guardianEmail !== before.guardianEmail && after.consentStatus === 'pending';
    if (!becameMinor && !newGuardian) return null;
    Object.assign(after, { consentStatus: 'pending', consentGrantedAt: null });
    await this.consents.retireLinks(manager, after.id);
    await this.consents.requestConsent(manager, after);
    return { from: before.consentStatus, to: after.consentStatus };
  }
}
