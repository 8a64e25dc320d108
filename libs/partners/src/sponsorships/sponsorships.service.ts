import { type AppEnv, type AuditActor, AuditService, countFigure, envConfig, hidden, isUniqueViolation, type Page, paginate, shown, TransactionService, ValidationFailedError } from '@codeshelf/core';
import { isLibraryStaff, type Principal } from '@codeshelf/identity';
import { programOverviews, ProgramsService, SchedulingPolicy } from '@codeshelf/scheduling';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SponsorshipExistsError, UnknownProgramError } from '../partners.errors';
import { SponsorsPolicy } from '../sponsors/sponsors.policy';
import { SponsorsService } from '../sponsors/sponsors.service';
import { CreateSponsorshipDto, ListSponsorshipsQuery, SponsoredProgramDto, SponsorshipDto } from './dto/sponsorship.dto';
import { SponsorshipEntity } from './sponsorship.entity';
import { NotStaffOfBranchError } from './sponsorships.errors';

/** Sponsors funding programs: staff of the program's branch record them; the sponsor reads its own. */
@Injectable()
export class SponsorshipsService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    @InjectRepository(SponsorshipEntity) private readonly sponsorships: Repository<SponsorshipEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: SponsorsPolicy,
    private readonly sponsors: SponsorsService,
    private readonly programs: ProgramsService,
    private readonly scheduling: SchedulingPolicy,
  ) {}

  async create(principal: Principal, sponsorId: string, dto: CreateSponsorshipDto, actor: AuditActor): Promise<SponsorshipDto> {
    await this.sponsors.get(sponsorId);
    const [program] = await this.programs.findByIds([dto.programId]);
    if (!program) throw new UnknownProgramError();
    if (!this.scheduling.runsBranch(principal, program.branchId)) throw new NotStaffOfBranchError(program.id);
    if (dto.endsOn < dto.startsOn) throw new ValidationFailedError([{ field: 'endsOn', code: 'dateOrder', message: 'endsOn must be on or after startsOn' }]);
    const id = await this.transactions.run(async (manager) => {
      const repository = manager.getRepository(SponsorshipEntity);
      const sponsorship = repository.create({ sponsorId, ...dto, amount: dto.amount ?? null });
      await repository.insert(sponsorship).catch((error: unknown) => {
        if (isUniqueViolation(error, 'sponsorship_once_per_program')) throw new SponsorshipExistsError();
        throw error;
      });
      await this.audit.record({ actor, action: 'sponsorship.created', entity: 'sponsorship', entityId: sponsorship.id, changes: { sponsorId, ...dto } }, manager);
      return sponsorship.id;
    });
    const [created] = await this.withPrograms(principal, [await this.sponsorships.findOneByOrFail({ id })]);
    return created;
  }

  /** The sponsor's sponsorships by start date, each with its program's numbers. */
  async list(principal: Principal, sponsorId: string, query: ListSponsorshipsQuery): Promise<Page<SponsorshipDto>> {
    this.policy.assertCanRead(principal, sponsorId);
    const page = await paginate(this.sponsorships.createQueryBuilder('s').where('s.sponsorId = :sponsorId', { sponsorId }), query, 'startsOn');
    return { items: await this.withPrograms(principal, page.items), nextCursor: page.nextCursor };
  }

  /** The programs the sponsor sponsors or has sponsored (any period). No access check: callers decide. */
  async programIdsOf(sponsorId: string): Promise<Set<string>> {
    const rows = await this.sponsorships.createQueryBuilder('s').select('s.programId', 'programId').where('s.sponsorId = :sponsorId', { sponsorId }).getRawMany<{ programId: string }>();
    return new Set(rows.map((r) => r.programId));
  }

  /**
   * Each sponsorship with its program's seats and waitlist: exact for library staff; for the sponsor the
   * report's figures (rule 9: the same seats, hidden from 1 to REPORT_MIN_CELL − 1), and only while the
   * program is published.
   */
  private async withPrograms(principal: Principal, rows: SponsorshipEntity[]): Promise<SponsorshipDto[]> {
    const programs = await programOverviews(this.sponsorships.manager, rows.map((r) => r.programId));
    const min = isLibraryStaff(principal) ? 0 : this.env.REPORT_MIN_CELL;
    const figure = (status: string, n: number) => (min === 0 ? shown(n) : status === 'published' ? countFigure(n, min) : hidden);
    const byId = new Map(
      programs.map(({ id, enrolledCount, waitlistedCount, ...program }): [string, SponsoredProgramDto] => [
        id,
        { ...program, enrolled: figure(program.status, enrolledCount), waitlisted: figure(program.status, waitlistedCount) },
      ]),
    );
    return rows.map((r) => ({
      id: r.id,
      sponsorId: r.sponsorId,
      programId: r.programId,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      amount: r.amount,
      createdAt: r.createdAt,
      program: byId.get(r.programId)!,
    }));
  }
}
