import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { SchedulingPolicy } from '../scheduling.policy';
import { CalendarFeedTokenEntity } from './calendar-feed-token.entity';
import { CalendarService } from './calendar.service';

/** The calendars (feeds and the files mails attach): no routes (SchedulingModule declares them), so the worker loads it without HTTP. */
@Module({
  imports: [TypeOrmModule.forFeature([ProgramEntity, CalendarFeedTokenEntity])],
  providers: [CalendarService, SchedulingPolicy],
  exports: [CalendarService, SchedulingPolicy],
})
export class CalendarModule {}
