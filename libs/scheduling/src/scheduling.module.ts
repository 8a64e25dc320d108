import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BranchEntity } from './branches/branch.entity';
import { BranchesController } from './branches/branches.controller';
import { BranchesService } from './branches/branches.service';
import { ProgramEntity } from './programs/program.entity';
import { ProgramsController } from './programs/programs.controller';
import { ProgramsService } from './programs/programs.service';
import { SchedulingPolicy } from './scheduling.policy';

/** Where and when clubs meet: branches and programs (rooms, closures, sessions and series come later). */
@Module({
  imports: [TypeOrmModule.forFeature([BranchEntity, ProgramEntity])],
  controllers: [BranchesController, ProgramsController],
  providers: [BranchesService, ProgramsService, SchedulingPolicy],
  exports: [BranchesService, ProgramsService],
})
export class SchedulingModule {}
