import { IdentityModule } from '@codeshelf/identity';
import { PeopleModule } from '@codeshelf/people';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BranchEntity } from './branches/branch.entity';
import { BranchesController } from './branches/branches.controller';
import { BranchesService } from './branches/branches.service';
import { ProgramEntity } from './programs/program.entity';
import { ProgramEvents } from './programs/program-events';
import { ProgramsController } from './programs/programs.controller';
import { ProgramsService } from './programs/programs.service';
import { CalendarFeedTokenEntity } from './calendar/calendar-feed-token.entity';
import { CalendarModule } from './calendar/calendar.module';
import { CalendarErasure } from './calendar/calendar-erasure';
import { MeCalendarController } from './calendar/me-calendar.controller';
import { BranchClosureEntity } from './closures/branch-closure.entity';
import { ClosuresController } from './closures/closures.controller';
import { ClosuresService } from './closures/closures.service';
import { RoomEntity } from './rooms/room.entity';
import { RoomsController } from './rooms/rooms.controller';
import { RoomsService } from './rooms/rooms.service';
import { SchoolEntity } from './schools/school.entity';
import { SchoolsController } from './schools/schools.controller';
import { SchoolsService } from './schools/schools.service';
import { MentorClearanceEntity } from './mentors/mentor-clearance.entity';
import { MentorEntity } from './mentors/mentor.entity';
import { MentorsController } from './mentors/mentors.controller';
import { MentorsService } from './mentors/mentors.service';
import { SessionMentorEntity } from './mentors/session-mentor.entity';
import { SessionMentorsService } from './mentors/session-mentors.service';
import { SeriesController } from './series/series.controller';
import { SeriesService } from './series/series.service';
import { SessionSeriesEntity } from './series/session-series.entity';
import { SessionEntity } from './sessions/session.entity';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';

/** Where and when clubs meet: branches, rooms, partner schools, closures, programs, sessions, series, mentors and calendar feeds. */
@Module({
  imports: [
    IdentityModule,
    CalendarModule,
    PeopleModule,
    TypeOrmModule.forFeature([
      BranchEntity,
      RoomEntity,
      SchoolEntity,
      BranchClosureEntity,
      ProgramEntity,
      SessionEntity,
      SessionSeriesEntity,
      MentorEntity,
      MentorClearanceEntity,
      SessionMentorEntity,
      CalendarFeedTokenEntity,
    ]),
  ],
  controllers: [BranchesController, RoomsController, SchoolsController, ClosuresController, ProgramsController, SessionsController, SeriesController, MentorsController, MeCalendarController],
  providers: [BranchesService, RoomsService, SchoolsService, ClosuresService, ProgramsService, SessionsService, SeriesService, MentorsService, SessionMentorsService, ProgramEvents, CalendarErasure],
  exports: [ProgramEvents, CalendarModule, BranchesService, RoomsService, SchoolsService, ClosuresService, ProgramsService, SessionsService, SeriesService, MentorsService],
})
export class SchedulingModule {}
