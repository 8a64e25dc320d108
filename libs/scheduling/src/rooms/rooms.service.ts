import { AuditActor, AuditService, isUniqueViolation, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BranchesService } from '../branches/branches.service';
import { SchedulingPolicy } from '../scheduling.policy';
import { RoomNameTakenError } from '../scheduling.errors';
import { CreateRoomDto, RoomDto } from './room.dto';
import { RoomEntity } from './room.entity';

@Injectable()
export class RoomsService {
  constructor(
    @InjectRepository(RoomEntity) private readonly rooms: Repository<RoomEntity>,
    private readonly branches: BranchesService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: SchedulingPolicy,
  ) {}

  async list(branchId: string): Promise<RoomDto[]> {
    await this.branches.get(branchId);
    return (await this.rooms.find({ where: { branchId }, order: { name: 'ASC' } })).map(RoomDto.from);
  }

  /** A branch that does not exist is a 404 for everyone; one the caller does not run is a 403. */
  async create(principal: Principal, branchId: string, dto: CreateRoomDto, actor: AuditActor): Promise<RoomDto> {
    await this.branches.get(branchId);
    this.policy.assertCanChangeBranch(principal, branchId);
    return this.transactions.run(async (manager) => {
      const room = manager.getRepository(RoomEntity).create({ branchId, ...dto });
      await manager
        .getRepository(RoomEntity)
        .insert(room)
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new RoomNameTakenError(dto.name);
          throw error;
        });
      await this.audit.record({ actor, action: 'room.created', entity: 'room', entityId: room.id, changes: { branchId, ...dto } }, manager);
      return RoomDto.from(room);
    });
  }
}
