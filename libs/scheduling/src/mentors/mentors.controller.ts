import { ApiPageResponse, ApiProblems, Page, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignedMentorDto, AssignMentorDto, ListMentorsQuery, CreateClearanceDto, CreateMentorDto, MentorDto, SessionMentorDto } from './dto/mentor.dto';
import { MentorsService } from './mentors.service';
import { SessionMentorsService } from './session-mentors.service';

@ApiTags('mentors')
@Controller()
export class MentorsController {
  constructor(
    private readonly mentors: MentorsService,
    private readonly assignments: SessionMentorsService,
  ) {}

  @Post('mentors')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Register a mentor: a user with the mentor role, optionally employed by a sponsor (audited)' })
  @ApiCreatedResponse({ type: MentorDto })
  @ApiProblems(400, 409)
  create(@Body() dto: CreateMentorDto, @CurrentPrincipal() principal: Principal): Promise<MentorDto> {
    return this.mentors.create(dto, actorOf(principal));
  }

  @Get('mentors')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Every mentor with their name, clearances and next sessions, or those whose clearance runs out by a date' })
  @ApiPageResponse(MentorDto)
  @ApiProblems(400)
  list(@Query() query: ListMentorsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<MentorDto>> {
    return this.mentors.list(principal, query);
  }

  @Get('me/mentor')
  @Roles('mentor')
  @ApiOperation({ summary: 'The signed-in mentor’s own record, with clearances' })
  @ApiOkResponse({ type: MentorDto })
  @ApiProblems(404)
  own(@CurrentPrincipal() principal: Principal): Promise<MentorDto> {
    return this.mentors.getOwn(principal);
  }

  @Get('mentors/:id')
  @Roles('admin', 'coordinator', 'mentor')
  @ApiOperation({ summary: 'One mentor; a mentor reads only themself' })
  @ApiOkResponse({ type: MentorDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<MentorDto> {
    return this.mentors.get(principal, id);
  }

  @Post('mentors/:id/clearances')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Record a clearance (e.g. a background check) with its validity (audited)' })
  @ApiCreatedResponse({ type: MentorDto })
  @ApiProblems(400, 404)
  addClearance(@Param('id', UuidPipe) id: string, @Body() dto: CreateClearanceDto, @CurrentPrincipal() principal: Principal): Promise<MentorDto> {
    return this.mentors.addClearance(principal, id, dto, actorOf(principal));
  }

  @Get('sessions/:id/mentors')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'The mentors on a session, by name, lead first' })
  @ApiOkResponse({ type: [AssignedMentorDto] })
  @ApiProblems(400, 404)
  onSession(@Param('id', UuidPipe) sessionId: string): Promise<AssignedMentorDto[]> {
    return this.mentors.onSession(sessionId);
  }

  @Put('sessions/:id/mentors/:mentorId')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Assign a mentor to a session: cleared on its date (422 mentor-not-cleared), free at that time (409 mentor-conflict)',
    description:
      'Of each clearance kind, the record in force on the session’s local date is the latest begun by then (greatest validFrom, then the last recorded): a later rejection or pending re-check overrides an earlier clearance. The 422 names the kind and its state (rejected, pending, expired or missing).',
  })
  @ApiOkResponse({ type: SessionMentorDto })
  @ApiProblems(400, 404, 409, 422)
  assign(
    @Param('id', UuidPipe) sessionId: string,
    @Param('mentorId', UuidPipe) mentorId: string,
    @Body() dto: AssignMentorDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionMentorDto> {
    return this.assignments.assign(principal, sessionId, mentorId, dto.role, actorOf(principal));
  }

  @Delete('sessions/:id/mentors/:mentorId')
  @HttpCode(204)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Take a mentor off a session (audited)',
    description: 'A cancelled session’s mentors can be taken off too. A mentor not on the session is a 404, like a session of another branch’s draft program.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 403, 404)
  unassign(@Param('id', UuidPipe) sessionId: string, @Param('mentorId', UuidPipe) mentorId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.assignments.unassign(principal, sessionId, mentorId, actorOf(principal));
  }
}
