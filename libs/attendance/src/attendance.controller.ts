import { ApiProblems, Idempotent, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { MENTOR_ACCESS_DAYS_AFTER_SESSION } from '@codeshelf/scheduling';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckInService } from './check-in.service';
import { CheckInCodeDto, CheckInDto, CheckInResultDto, RollCallDto, SessionAttendanceDto } from './dto/roll-call.dto';
import { ABSENCE_STREAK_FLAG, FlaggedQuery, FlaggedTeenDto, HoursQuery, MentorHoursDto, ParticipantAttendanceDto, ProgramAttendanceDto } from './dto/rates.dto';
import { RatesService } from './rates.service';
import { RollCallService } from './roll-call.service';

/** Who reads and takes a session's attendance, as AttendancePolicy decides. */
const MENTOR_ACCESS =
  `For the staff of the branch and the session’s current mentors: assigned to it while it is scheduled (not cancelled), until ${MENTOR_ACCESS_DAYS_AFTER_SESSION} days after it ended; ` +
  'a session of a published program is a 403 `not-your-session` to any other mentor.';

@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(
    private readonly rollCall: RollCallService,
    private readonly checkIns: CheckInService,
    private readonly rates: RatesService,
  ) {}

  @Get('sessions/:id/attendance')
  @Roles('admin', 'coordinator', 'mentor')
  @ApiOperation({ summary: 'The session’s attendance sheet: every teen holding a seat (status null until recorded) and its mentors', description: MENTOR_ACCESS })
  @ApiOkResponse({ type: SessionAttendanceDto })
  @ApiProblems(400, 401, 403, 404)
  sheet(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<SessionAttendanceDto> {
    return this.rollCall.sheet(principal, id);
  }

  @Put('sessions/:id/attendance')
  @Roles('admin', 'coordinator', 'mentor')
  @ApiOperation({
    summary: 'Roll call: record the whole sheet in one request',
    description:
      'Upserts `records` (and the mentors’ own presence) in one transaction. A teen without a seat in the program (not enrolled, ' +
      'or only waitlisted) is a 422 `not-enrolled` naming them, and nothing is written; a cancelled session is a 409, and so is one ' +
      'that has not begun (roll call opens with self check-in, CHECK_IN_OPENS_MINUTES_BEFORE the start). Every change ' +
      'is audited with who made it and the status before and after. ' +
      MENTOR_ACCESS,
  })
  @ApiOkResponse({ type: SessionAttendanceDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  record(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: RollCallDto): Promise<SessionAttendanceDto> {
    return this.rollCall.record(principal, id, dto, actorOf(principal));
  }

  @Post('sessions/:id/check-in-code')
  @Roles('admin', 'coordinator', 'mentor')
  @ApiOperation({ summary: 'The code teens type to check in themselves; it rotates every CHECK_IN_CODE_PERIOD_SECONDS (show it, or its QR link, on a screen)', description: MENTOR_ACCESS })
  @ApiCreatedResponse({ type: CheckInCodeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  code(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<CheckInCodeDto> {
    return this.checkIns.code(principal, id);
  }

  @Post('sessions/:id/check-ins')
  @Roles('participant')
  @Idempotent()
  @ApiOperation({
    summary: 'Check yourself in with the session’s current code',
    description:
      'From CHECK_IN_OPENS_MINUTES_BEFORE before the start until the end: `present`, or `late` after CHECK_IN_LATE_AFTER_MINUTES. ' +
      '422 `check-in-code-invalid` for a wrong or stale code (with `attemptsLeft`), `check-in-window-closed` outside the window, ' +
      '`not-enrolled` without a seat; after CHECK_IN_MAX_FAILED_ATTEMPTS tries in 10 minutes, 429 `check-in-locked` with Retry-After.',
  })
  @ApiCreatedResponse({ type: CheckInResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429)
  checkIn(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: CheckInDto): Promise<CheckInResultDto> {
    return this.checkIns.checkIn(principal, id, dto.code, actorOf(principal));
  }

  @Get('programs/:id/attendance')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Attendance rates of the program: per teen (rule 7, flagged at 3 absences in a row) and per session',
    description: 'Rate = (present + late) / sessions held (not cancelled) since the teen enrolled; completion once the program has ended. Audited.',
  })
  @ApiOkResponse({ type: ProgramAttendanceDto })
  @ApiProblems(400, 401, 403, 404)
  program(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ProgramAttendanceDto> {
    return this.rates.program(principal, id, actorOf(principal));
  }

  @Get('attendance/flagged')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: `Teens with ${ABSENCE_STREAK_FLAG} or more absences in a row in the running published programs of the caller’s branches (an admin: all), or of one branch`,
    description: 'One aggregate over all those programs; a coordinator naming a branch they do not run is a 403. Audited.',
  })
  @ApiOkResponse({ type: [FlaggedTeenDto] })
  @ApiProblems(400, 401, 403)
  flagged(@CurrentPrincipal() principal: Principal, @Query() query: FlaggedQuery): Promise<FlaggedTeenDto[]> {
    return this.rates.flagged(principal, query, actorOf(principal));
  }

  @Get('participants/:id/attendance')
  @Roles('admin', 'coordinator', 'participant')
  @ApiOperation({
    summary: 'A teen’s attendance in each program they hold a seat in',
    description:
      'For the teen, admins, and the coordinators of the teen’s branches (home branch, or a place in one of their programs), who see the programs ' +
      'of their branches. Any other teen, like an unknown id, is a 404. A staff read is audited.',
  })
  @ApiOkResponse({ type: ParticipantAttendanceDto })
  @ApiProblems(400, 401, 403, 404)
  participant(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ParticipantAttendanceDto> {
    return this.rates.participant(principal, id, actorOf(principal));
  }

  @Get('mentors/:id/hours')
  @Roles('admin', 'coordinator', 'mentor')
  @ApiOperation({ summary: 'A mentor’s volunteer hours: sessions they were recorded present at, by program (a mentor reads only their own)' })
  @ApiOkResponse({ type: MentorHoursDto })
  @ApiProblems(400, 401, 403, 404)
  hours(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: HoursQuery): Promise<MentorHoursDto> {
    return this.rates.mentorHours(principal, id, query);
  }
}
