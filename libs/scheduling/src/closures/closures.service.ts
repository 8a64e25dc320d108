import { AuditActor, AuditService, isUniqueViolation, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BranchesService } from '../branches/branches.service';
import { SchedulingPolicy } from '../scheduling.policy';
import { AlreadyClosedError, ClosureNotFoundError } from '../scheduling.errors';
import { BranchClosureEntity } from './branch-closure.entity';
import { ClosureDto, CreateClosureDto, ListClosuresQuery } from './closure.dto';

@Injectable()
export class ClosuresService {
  constructor(
    @InjectRepository(BranchClosureEntity) private readonly closures: Repository<BranchClosureEntity>,
    private readonly branches: BranchesService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: SchedulingPolicy,
  ) {}

  /** The branch's closed days in date order, optionally between `from` and `to` (inclusive). */
  async list(branchId: string, query: ListClosuresQuery): Promise<ClosureDto[]> {
    await this.branches.get(branchId);
    const qb = this.closures.createQueryBuilder('c').where('c.branchId = :branchId', { branchId });
    if (query.from) qb.andWhere('c.date >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.date <= :to', { to: query.to });
    return (await qb.orderBy('c.date', 'ASC').getMany()).map(ClosureDto.from);
  }

  async create(principal: Principal, branchId: string, dto: CreateClosureDto, actor: AuditActor): Promise<ClosureDto> {
    await this.branches.get(branchId);
    this.policy.assertCanChangeBranch(principal, branchId);
    return this.transactions.run(async (manager) => {
      const closure = manager.getRepository(BranchClosureEntity).create({ branchId, ...dto });
      await manager
        .getRepository(BranchClosureEntity)
        .insert(closure)
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new AlreadyClosedError(dto.date);
          throw error;
        });
      await this.audit.record({ actor, action: 'closure.created', entity: 'branch_closure', entityId: closure.id, changes: { branchId, ...dto } }, manager);
      return ClosureDto.from(closure);
    });
  }

  async remove(principal: Principal, branchId: string, id: string, actor: AuditActor): Promise<void> {
    await this.branches.get(branchId);
    this.policy.assertCanChangeBranch(principal, branchId);
    await this.transactions.run(async (manager) => {
      const removed = await manager.getRepository(BranchClosureEntity).findOneBy({ id, branchId });
      if (!removed) throw new ClosureNotFoundError(id);
      await manager.getRepository(BranchClosureEntity).delete({ id });
      await this.audit.record({ actor, action: 'closure.removed', entity: 'branch_closure', entityId: id, changes: { branchId, date: removed.date } }, manager);
    });
  }
}
