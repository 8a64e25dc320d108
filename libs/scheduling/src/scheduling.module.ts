import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BranchEntity } from './branches/branch.entity';
import { BranchesController } from './branches/branches.controller';
import { BranchesService } from './branches/branches.service';
import { ProgramEntity } from './programs/program.entity';
import { ProgramsController } from './programs/programs.controller';
import { ProgramsService } from './programs/programs.service';
import { BranchClosureEntity } from './closures/branch-closure.entity';
import { ClosuresController } from './closures/closures.controller';
import { ClosuresService } from './closures/closures.service';
import { RoomEntity } from './rooms/room.entity';
import { RoomsController } from './rooms/rooms.controller';
import { RoomsService } from './rooms/rooms.service';
import { SchedulingPolicy } from './scheduling.policy';

/** Where and when clubs meet: branches, rooms, closures and programs (sessions and series come later). */
@Module({
  imports: [TypeOrmModule.forFeature([BranchEntity, RoomEntity, BranchClosureEntity, ProgramEntity])],
  controllers: [BranchesController, RoomsController, ClosuresController, ProgramsController],
  providers: [BranchesService, RoomsService, ClosuresService, ProgramsService, SchedulingPolicy],
  exports: [BranchesService, RoomsService, ClosuresService, ProgramsService],
})
export class SchedulingModule {}
