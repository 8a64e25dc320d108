import { ApiPageResponse, ApiProblems, type Page, PageQueryDto, Public } from '@codeshelf/core';
import { CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { CalendarService, FeedTokenQuery, ScheduleItemDto, ScheduleQuery } from '@codeshelf/scheduling';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MyEnrollmentDto } from './dto/my-enrollment.dto';
import { EnrollmentsService } from './enrollments.service';

/** What the signed-in person is signed up for: enrollments, upcoming sessions and the calendar feed. */
@ApiTags('enrollment')
@Controller('me')
export class MeScheduleController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('enrollments')
  @Roles('participant')
  @ApiOperation({ summary: 'Your enrollments (seats, waitlist places, past ones), with their programs' })
  @ApiPageResponse(MyEnrollmentDto)
  @ApiProblems(400, 401, 403)
  mine(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<MyEnrollmentDto>> {
    return this.enrollments.mine(principal, query);
  }

  @Get('schedule')
  @Roles('participant', 'mentor')
  @ApiOperation({ summary: 'Your upcoming sessions: of the programs you hold a seat in, and those you mentor (cancelled ones marked)' })
  @ApiPageResponse(ScheduleItemDto)
  @ApiProblems(400, 401, 403)
  async schedule(@CurrentPrincipal() principal: Principal, @Query() query: ScheduleQuery): Promise<Page<ScheduleItemDto>> {
    return this.calendar.schedule(principal.id, await this.enrollments.enrolledProgramIds(principal.id), query);
  }

  @Get('calendar.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({
    summary: 'Your sessions as an RFC 5545 calendar, by the token in its URL (from POST /v1/me/calendar-token)',
    description: 'The sessions of programs you hold a seat in and those you mentor; cancelled ones stay, as STATUS:CANCELLED.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar feed', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiProblems(400, 404)
  async feed(@Query() { token }: FeedTokenQuery): Promise<string> {
    const userId = await this.calendar.feedOwner(token);
    return this.calendar.personalFeed(userId, await this.enrollments.enrolledProgramIds(userId));
  }
}
