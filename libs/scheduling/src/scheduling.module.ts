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
import { SeriesController } from './series/series.controller';
import { SeriesService } from './series/series.service';
import { SessionSeriesEntity } from './series/session-series.entity';
import { SessionEntity } from './sessions/session.entity';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';

/** Where and when clubs meet: branches, rooms, closures, programs, sessions and series (mentors and calendar feeds come later). */
@Module({
  imports: [TypeOrmModule.forFeature([BranchEntity, RoomEntity, BranchClosureEntity, ProgramEntity, SessionEntity, SessionSeriesEntity])],
  controllers: [BranchesController, RoomsController, ClosuresController, ProgramsController, SessionsController, SeriesController],
  providers: [BranchesService, RoomsService, ClosuresService, ProgramsService, SessionsService, SeriesService, SchedulingPolicy],
  exports: [BranchesService, RoomsService, ClosuresService, ProgramsService, SessionsService, SeriesService],
})
export class SchedulingModule {}
