import { AuditActor, AuditService, escapeLike, Page, paginate, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BranchNotFoundError } from '../scheduling.errors';
import { BranchEntity } from './branch.entity';
import { SchedulingPolicy } from '../scheduling.policy';
import { BranchDto } from './dto/branch.dto';
import { CreateBranchDto } from './dto/create-branch.dto';
import { ListBranchesQuery } from './dto/list-branches.query';
import { UpdateBranchDto } from './dto/update-branch.dto';

/** Library branches: where clubs meet, and the time zone their sessions are scheduled in. */
@Injectable()
export class BranchesService {
  constructor(
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: SchedulingPolicy,
  ) {}

  create(dto: CreateBranchDto, actor: AuditActor): Promise<BranchDto> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(BranchEntity);
      const branch = repository.create({ name: dto.name, address: dto.address ?? null, timezone: dto.timezone });
      await repository.insert(branch);
      const changes = { name: branch.name, address: branch.address, timezone: branch.timezone };
      await this.audit.record({ actor, action: 'branch.created', entity: 'branch', entityId: branch.id, changes }, manager);
      return BranchDto.from(branch);
    });
  }

  /** Branches by name, then id; `q` keeps those whose name contains it, in any case. */
  async list(query: ListBranchesQuery): Promise<Page<BranchDto>> {
    const qb = this.branches.createQueryBuilder('b');
    if (query.q) qb.where('b.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, 'name');
    return { items: page.items.map(BranchDto.from), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<BranchDto> {
    const branch = await this.branches.findOneBy({ id });
    if (!branch) throw new BranchNotFoundError(id);
    return BranchDto.from(branch);
  }

  /**
   * Changes the fields sent; the audit event records each change as `{ from, to }`. A branch that does
   * not exist is a 404 for everyone; another coordinator's is a 403.
   */
  update(principal: Principal, id: string, dto: UpdateBranchDto, actor: AuditActor): Promise<BranchDto> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(BranchEntity);
      const branch = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!branch) throw new BranchNotFoundError(id);
      this.policy.assertCanChangeBranch(principal, id);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of ['name', 'address', 'timezone'] as const) {
        const to = dto[field];
        if (to !== undefined && to !== branch[field]) changes[field] = { from: branch[field], to };
      }
      if (!Object.keys(changes).length) return BranchDto.from(branch);
      Object.assign(branch, Object.fromEntries(Object.entries(changes).map(([field, { to }]) => [field, to])));
      await repository.save(branch);
      await this.audit.record({ actor, action: 'branch.updated', entity: 'branch', entityId: id, changes }, manager);
      return BranchDto.from(branch);
    });
  }
}
