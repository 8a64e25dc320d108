import { AuditActor, AuditService, Page, pageOfRows, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { SchedulingPolicy } from '../scheduling.policy';
import { CapacityBelowEnrolledError, ProgramNotFoundError, ProgramStatusConflictError, UnknownBranchError } from '../scheduling.errors';
import { CreateProgramDto } from './dto/create-program.dto';
import { ListProgramsQuery } from './dto/list-programs.query';
import { CatalogueProgramDto, ProgramDto } from './dto/program.dto';
import { UpdateProgramDto } from './dto/update-program.dto';
import { ProgramEvents } from './program-events';
import { catalogue } from '../queries/program-reads';
import { assertProgramRules } from './program-rules';
import { ProgramEntity, type ProgramStatus } from './program.entity';

const instant = (value: string | undefined | null) => (value ? new Date(value) : null);

// Which statuses each lifecycle step starts from, and where it leads.
const STEPS = {
  publish: { from: ['draft'], to: 'published' },
  archive: { from: ['draft', 'published'], to: 'archived' },
} as const satisfies Record<string, { from: readonly ProgramStatus[]; to: ProgramStatus }>;
export type ProgramStep = keyof typeof STEPS;

@Injectable()
export class ProgramsService {
  constructor(
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: SchedulingPolicy,
    private readonly events: ProgramEvents,
  ) {}

  /** A new program is a draft: only the staff of its branch see it until it is published. */
  create(principal: Principal, dto: CreateProgramDto, actor: AuditActor): Promise<ProgramDto> {
    this.policy.assertCanChangeBranch(principal, dto.branchId);
    const values = {
      ...dto,
      description: dto.description ?? '',
      enrollmentOpensAt: instant(dto.enrollmentOpensAt),
      enrollmentClosesAt: instant(dto.enrollmentClosesAt),
    };
    assertProgramRules(values);
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(ProgramEntity);
      const program = repository.create(values);
      await repository.insert(program).catch(mapWriteError);
      await this.audit.record({ actor, action: 'program.created', entity: 'program', entityId: program.id, changes: { ...dto } }, manager);
      return ProgramDto.from(await repository.findOneByOrFail({ id: program.id }));
    });
  }

  /** The catalogue: published programs, plus any status at the branches the caller runs; by start date, each with its next session. */
  async list(principal: Principal | undefined, query: ListProgramsQuery): Promise<Page<CatalogueProgramDto>> {
    return pageOfRows(await catalogue(this.programs.manager, this.policy.programScope(principal), query), query.limit, CatalogueProgramDto.fromRow);
  }

  async get(principal: Principal | undefined, id: string): Promise<ProgramDto> {
    const program = await this.programs.findOneBy({ id });
    if (!program) throw new ProgramNotFoundError(id);
    this.policy.assertCanReadProgram(principal, program);
    return ProgramDto.from(program);
  }

  /** Programs by id, whatever their status: for features that show what they refer to (a teen's enrollments). */
  findByIds(ids: string[]): Promise<ProgramEntity[]> {
    return ids.length ? this.programs.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  update(principal: Principal, id: string, dto: UpdateProgramDto, actor: AuditActor): Promise<ProgramDto> {
    return this.transactions.run(async (manager) => {
      const program = await this.lockForChange(manager, principal, id);
      if (program.status === 'archived') throw new ProgramStatusConflictError(id, program.status, 'changed');
      const next: Partial<ProgramEntity> = { ...dto, enrollmentOpensAt: undefined, enrollmentClosesAt: undefined };
      if (dto.enrollmentOpensAt !== undefined) next.enrollmentOpensAt = instant(dto.enrollmentOpensAt);
      if (dto.enrollmentClosesAt !== undefined) next.enrollmentClosesAt = instant(dto.enrollmentClosesAt);
      const changes = Object.fromEntries(
        Object.entries(next).filter(([key, value]) => value !== undefined && String(value) !== String(program[key as keyof ProgramEntity])),
      );
      if (!Object.keys(changes).length) return ProgramDto.from(program);
      assertProgramRules({ ...program, ...changes });
      const before = program.capacity;
      if (dto.capacity !== undefined && dto.capacity < program.enrolledCount) throw new CapacityBelowEnrolledError(id, program.enrolledCount);
      await manager.getRepository(ProgramEntity).save(Object.assign(program, changes));
      await this.audit.record({ actor, action: 'program.updated', entity: 'program', entityId: id, changes }, manager);
      // New seats go to the waitlist first, in this same transaction (rule 2).
      if (program.capacity > before) await this.events.emitSeatsAdded(manager, program, actor);
      return ProgramDto.from(await manager.getRepository(ProgramEntity).findOneByOrFail({ id }));
    });
  }

  /** publish: draft → published; archive: draft or published → archived. Anything else is a 409. */
  step(principal: Principal, id: string, step: ProgramStep, actor: AuditActor): Promise<ProgramDto> {
    const { from, to } = STEPS[step];
    return this.transactions.run(async (manager) => {
      const program = await this.lockForChange(manager, principal, id);
      if (!(from as readonly ProgramStatus[]).includes(program.status)) throw new ProgramStatusConflictError(id, program.status, to);
      const before = program.status;
      Object.assign(program, { status: to, ...(step === 'publish' ? { publishedAt: new Date() } : {}) });
      await manager.getRepository(ProgramEntity).save(program);
      await this.audit.record({ actor, action: `program.${to}`, entity: 'program', entityId: id, changes: { status: { from: before, to } } }, manager);
      return ProgramDto.from(program);
    });
  }

  private async lockForChange(manager: EntityManager, principal: Principal, id: string): Promise<ProgramEntity> {
    const program = await manager.getRepository(ProgramEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!program) throw new ProgramNotFoundError(id);
    this.policy.assertCanChangeProgram(principal, program);
    return program;
  }
}

function mapWriteError(error: unknown): never {
  if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') throw new UnknownBranchError();
  throw error;
}
