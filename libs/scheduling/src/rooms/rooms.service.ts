import { AuditActor, AuditService, isUniqueViolation, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BranchesService } from '../branches/branches.service';
import { SchedulingPolicy } from '../scheduling.policy';
import { RoomNameTakenError, RoomNotFoundError } from '../scheduling.errors';
import { CreateRoomDto, RoomDto, UpdateRoomDto } from './room.dto';
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

  /** Renames a room or changes its seats (audited); the branch's rules are those of `create`. */
  async update(principal: Principal, branchId: string, roomId: string, dto: UpdateRoomDto, actor: AuditActor): Promise<RoomDto> {
    await this.branches.get(branchId);
    this.policy.assertCanChangeBranch(principal, branchId);
    return this.transactions.run(async (manager) => {
      const rooms = manager.getRepository(RoomEntity);
      const room = await rooms.findOne({ where: { id: roomId, branchId }, lock: { mode: 'pessimistic_write' } });
      if (!room) throw new RoomNotFoundError(roomId);
      const changes = Object.fromEntries(
        (['name', 'seats'] as const).filter((k) => dto[k] !== undefined && dto[k] !== room[k]).map((k) => [k, { from: room[k], to: dto[k] }]),
      );
      Object.assign(room, { name: dto.name ?? room.name, seats: dto.seats ?? room.seats });
      await rooms.save(room).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new RoomNameTakenError(room.name);
        throw error;
      });
      if (Object.keys(changes).length) await this.audit.record({ actor, action: 'room.changed', entity: 'room', entityId: room.id, changes }, manager);
      return RoomDto.from(room);
    });
  }
}
