import { type AuditActor, AuditService, type Page, paginate, TransactionService, ValidationFailedError } from '@codeshelf/core';
import { RatesService } from '@codeshelf/attendance';
import type { Principal } from '@codeshelf/identity';
import { ageOn, ParticipantNotFoundError, ParticipantsService, todayUtc } from '@codeshelf/people';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { InternshipNotFoundError, InternshipStatusConflictError } from '../partners.errors';
import { SponsorsPolicy } from '../sponsors/sponsors.policy';
import { SponsorsService } from '../sponsors/sponsors.service';
import { CreateInternshipDto, type EligibilityDto, InternshipDto, ListInternshipsQuery, UpdateInternshipDto } from './dto/internship.dto';
import { ineligibility, type TeenStanding } from './eligibility';
import { InternshipEntity, type InternshipStatus } from './internship.entity';

const STEPS = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['draft', 'open'], to: 'closed' },
} as const satisfies Record<string, { from: readonly InternshipStatus[]; to: InternshipStatus }>;
export type InternshipStep = keyof typeof STEPS;

/**
 * Internship postings. Staff see every one; a sponsor (user or key) its own; a teen the open ones, each
 * marked eligible or not for them. Any other is a 404.
 */
@Injectable()
export class InternshipsService {
  constructor(
    @InjectRepository(InternshipEntity) private readonly internships: Repository<InternshipEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly sponsors: SponsorsService,
    private readonly policy: SponsorsPolicy,
    private readonly participants: ParticipantsService,
    private readonly rates: RatesService,
  ) {}

  async create(principal: Principal, dto: CreateInternshipDto, actor: AuditActor): Promise<InternshipDto> {
    const sponsorId = principal.role === 'sponsor' ? principal.sponsorId! : dto.sponsorId;
    if (!sponsorId) throw new ValidationFailedError([{ field: 'sponsorId', code: 'isDefined', message: 'sponsorId is required when staff post an internship' }]);
    if (principal.role === 'sponsor' && dto.sponsorId && dto.sponsorId !== sponsorId) {
      throw new ValidationFailedError([{ field: 'sponsorId', code: 'isOwnSponsor', message: 'a sponsor posts only for itself' }]);
    }
    await this.sponsors.get(sponsorId);
    const values = { ...dto, sponsorId, opensAt: new Date(dto.opensAt), closesAt: new Date(dto.closesAt) };
    assertWindow(values);
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(InternshipEntity);
      const internship = repository.create(values);
      await repository.insert(internship);
      await this.audit.record({ actor, action: 'internship.created', entity: 'internship', entityId: internship.id, changes: { ...dto, sponsorId } }, manager);
      return InternshipDto.from(await repository.findOneByOrFail({ id: internship.id }));
    });
  }

  async list(principal: Principal, query: ListInternshipsQuery): Promise<Page<InternshipDto>> {
    const qb = this.internships.createQueryBuilder('i');
    if (principal.role === 'sponsor') qb.where('i.sponsorId = :own', { own: principal.sponsorId });
    if (principal.role === 'participant') qb.where(`i.status = 'open' AND i.opensAt <= now() AND i.closesAt > now()`);
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.sponsorId) qb.andWhere('i.sponsorId = :sponsorId', { sponsorId: query.sponsorId });
    const page = await paginate(qb, query, 'createdAt');
    const standing = principal.role === 'participant' && page.items.length ? await this.standingOf(principal) : null;
    return { items: page.items.map((i) => InternshipDto.from(i, standing ? eligibilityOf(i, standing) : undefined)), nextCursor: page.nextCursor };
  }

  async get(principal: Principal, id: string): Promise<InternshipDto> {
    const internship = await this.visible(principal, id);
    return InternshipDto.from(internship, principal.role === 'participant' ? eligibilityOf(internship, await this.standingOf(principal)) : undefined);
  }

  /** The posting, if the caller may see it. */
  async visible(principal: Principal, id: string): Promise<InternshipEntity> {
    const internship = await this.internships.findOneBy({ id });
    const seen =
      internship &&
      (this.policy.reads(principal, internship.sponsorId) || (principal.role === 'participant' && internship.status === 'open'));
    if (!seen) throw new InternshipNotFoundError(id);
    return internship;
  }

  update(principal: Principal, id: string, dto: UpdateInternshipDto, actor: AuditActor): Promise<InternshipDto> {
    return this.transactions.run(async (manager) => {
      const internship = await this.lockOwn(manager, principal, id);
      if (internship.status === 'closed') throw new InternshipStatusConflictError(id, internship.status, 'changed');
      const next = { ...dto, opensAt: dto.opensAt ? new Date(dto.opensAt) : internship.opensAt, closesAt: dto.closesAt ? new Date(dto.closesAt) : internship.closesAt };
      assertWindow(next);
      if (dto.slots !== undefined && dto.slots < internship.offeredCount) {
        throw new ValidationFailedError([{ field: 'slots', code: 'min', message: `slots must be at least ${internship.offeredCount}, the offers already made` }]);
      }
      Object.assign(internship, next);
      await manager.getRepository(InternshipEntity).save(internship);
      await this.audit.record({ actor, action: 'internship.updated', entity: 'internship', entityId: id, changes: { ...dto } }, manager);
      return InternshipDto.from(internship);
    });
  }

  /** open: draft → open; close: draft or open → closed (no more applications). */
  step(principal: Principal, id: string, step: InternshipStep, actor: AuditActor): Promise<InternshipDto> {
    const { from, to } = STEPS[step];
    return this.transactions.run(async (manager) => {
      const internship = await this.lockOwn(manager, principal, id);
      if (!(from as readonly InternshipStatus[]).includes(internship.status)) throw new InternshipStatusConflictError(id, internship.status, to);
      const before = internship.status;
      internship.status = to;
      await manager.getRepository(InternshipEntity).save(internship);
      await this.audit.record({ actor, action: `internship.${to}`, entity: 'internship', entityId: id, changes: { status: { from: before, to } } }, manager);
      return InternshipDto.from(internship);
    });
  }

  /** A teen's age and attendance over all their programs: what rule 8 checks. */
  async standingOf(principal: Principal): Promise<TeenStanding & { participantId: string }> {
    const teen = await this.participants.findByUser(principal.id);
    if (!teen) throw new ParticipantNotFoundError('of this account');
    const { attendanceRate } = await this.rates.standing(teen.id);
    return { participantId: teen.id, age: ageOn(teen.birthDate, todayUtc()), attendanceRate };
  }

  /** Staff change any posting; a sponsor user only its own (another sponsor's is a 404). */
  private async lockOwn(manager: EntityManager, principal: Principal, id: string): Promise<InternshipEntity> {
    const internship = await manager.getRepository(InternshipEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!internship || !this.policy.reads(principal, internship.sponsorId)) throw new InternshipNotFoundError(id);
    return internship;
  }
}

export function eligibilityOf(internship: InternshipEntity, standing: TeenStanding): EligibilityDto {
  const reasons = ineligibility(internship, standing);
  return { eligible: reasons.length === 0, reasons };
}

function assertWindow(i: { opensAt: Date; closesAt: Date }): void {
  if (i.closesAt <= i.opensAt) throw new ValidationFailedError([{ field: 'closesAt', code: 'dateOrder', message: 'closesAt must be after opensAt' }]);
}
