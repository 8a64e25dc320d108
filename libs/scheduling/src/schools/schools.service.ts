import { AuditActor, AuditService, isUniqueViolation, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BranchesService } from '../branches/branches.service';
import { SchedulingPolicy } from '../scheduling.policy';
import { SchoolNameTakenError, SchoolNotFoundError } from '../scheduling.errors';
import { CreateSchoolDto, SchoolDto, UpdateSchoolDto } from './school.dto';
import { SchoolEntity } from './school.entity';

const FIELDS = ['name', 'contactName', 'contactEmail', 'contactPhone'] as const;

/**
 * A branch's partner schools. Their contacts are staff business: only an admin or a coordinator of the
 * branch reads or changes them (another branch's is a 403, an unknown branch a 404).
 */
@Injectable()
export class SchoolsService {
  constructor(
    @InjectRepository(SchoolEntity) private readonly schools: Repository<SchoolEntity>,
    private readonly branches: BranchesService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: SchedulingPolicy,
  ) {}

  async list(principal: Principal, branchId: string): Promise<SchoolDto[]> {
    await this.branches.get(branchId);
    this.policy.assertCanChangeBranch(principal, branchId);
    return (await this.schools.find({ where: { branchId }, order: { name: 'ASC' } })).map(SchoolDto.from);
  }

  /** The branch's schools, for a feature that already checked the branch and the caller (a roster import). */
  async ofBranch(branchId: string): Promise<SchoolDto[]> {
    return (await this.schools.find({ where: { branchId }, order: { name: 'ASC' } })).map(SchoolDto.from);
  }

  async create(principal: Principal, branchId: string, dto: CreateSchoolDto, actor: AuditActor): Promise<SchoolDto> {
    await this.branches.get(branchId);
    this.policy.assertCanChangeBranch(principal, branchId);
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(SchoolEntity);
      const school = repository.create({ branchId, name: dto.name, contactName: dto.contactName ?? null, contactEmail: dto.contactEmail ?? null, contactPhone: dto.contactPhone ?? null });
      await repository.insert(school).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new SchoolNameTakenError(dto.name);
        throw error;
      });
      await this.audit.record({ actor, action: 'school.created', entity: 'school', entityId: school.id, changes: { branchId, name: dto.name } }, manager);
      return SchoolDto.from(school);
    });
  }

  async update(principal: Principal, branchId: string, schoolId: string, dto: UpdateSchoolDto, actor: AuditActor): Promise<SchoolDto> {
    await this.branches.get(branchId);
    this.policy.assertCanChangeBranch(principal, branchId);
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(SchoolEntity);
      const school = await repository.findOne({ where: { id: schoolId, branchId }, lock: { mode: 'pessimistic_write' } });
      if (!school) throw new SchoolNotFoundError(schoolId);
      const fields = FIELDS.filter((k) => dto[k] !== undefined && dto[k] !== school[k]);
      if (!fields.length) return SchoolDto.from(school);
      Object.assign(school, Object.fromEntries(fields.map((k) => [k, dto[k]])));
      await repository.save(school).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new SchoolNameTakenError(school.name);
        throw error;
      });
      // Contact details are not copied into the audit trail: which fields changed is enough.
      await this.audit.record({ actor, action: 'school.changed', entity: 'school', entityId: school.id, changes: { fields } }, manager);
      return SchoolDto.from(school);
    });
  }
}
