import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BranchEntity } from './branches/branch.entity';
import { BranchesController } from './branches/branches.controller';
import { BranchesPolicy } from './branches/branches.policy';
import { BranchesService } from './branches/branches.service';

/** Where and when clubs meet: branches (rooms, closures, programs and sessions come later). */
@Module({
  imports: [TypeOrmModule.forFeature([BranchEntity])],
  controllers: [BranchesController],
  providers: [BranchesService, BranchesPolicy],
  exports: [BranchesService],
})
export class SchedulingModule {}
