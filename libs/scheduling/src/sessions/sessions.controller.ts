import { ApiPageResponse, ApiProblems, Page, PageQueryDto, Public, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BranchSessionDto, CancelSessionDto, CreateSessionDto, ListSessionsQuery, ProgramSessionDto, SessionDetailDto, SessionDto, SessionScopeQuery, UpdateSessionDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('programs')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get('programs/:id/sessions')
  @Public()
  @ApiOperation({
    summary: 'A program’s sessions in time order, with their mentors’ first names (public once the program is published)',
    description:
      'Each session names its assigned mentors by first name only (the first word of the mentor’s display name) and role — never an e-mail or a last name. ' +
      'A draft or archived program, and so its mentors, is seen only by the staff of its branch.',
  })
  @ApiPageResponse(ProgramSessionDto)
  @ApiProblems(400, 404)
  list(@Param('id', UuidPipe) programId: string, @Query() query: PageQueryDto, @CurrentPrincipal() principal?: Principal): Promise<Page<ProgramSessionDto>> {
    return this.sessions.list(principal, programId, query);
  }

  @Post('programs/:id/sessions')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Add one session: inside the program, on a day the branch is open, in a free room (audited)' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiProblems(400, 404, 409, 422)
  create(@Param('id', UuidPipe) programId: string, @Body() dto: CreateSessionDto, @CurrentPrincipal() principal: Principal): Promise<SessionDto> {
    return this.sessions.create(principal, programId, dto, actorOf(principal));
  }

  @Get('sessions')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Sessions starting in a time range at the branches the caller runs (an admin: every branch), with program, room and mentors',
    description: 'A coordinator naming a branch they do not run is a 403.',
  })
  @ApiPageResponse(BranchSessionDto)
  @ApiProblems(400, 403)
  listAtBranches(@Query() query: ListSessionsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BranchSessionDto>> {
    return this.sessions.listAtBranches(principal, query);
  }

  @Get('sessions/:id')
  @Public()
  @ApiOperation({ summary: 'One session (public once its program is published), with its mentor-to-teen ratio, flagged above 1:10' })
  @ApiOkResponse({ type: SessionDetailDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal?: Principal): Promise<SessionDetailDto> {
    return this.sessions.get(principal, id);
  }

  @Patch('sessions/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Change a session, or it and the later ones of its series (scope=following)',
    description:
      'With scope=following each later session keeps its date and takes the new local start time, duration, room and topic. All or nothing. ' +
      'Every session moved is checked again against its mentors’ clearances, by the rule assignment uses (the latest clearance of a kind begun by the new local date is its state): ' +
      'a mentor not cleared then refuses the whole change with 409 `mentor-not-cleared-on-move` naming the session, the mentor and the clearance — the mentor is never taken off silently; unassign them first.',
  })
  @ApiOkResponse({ type: [SessionDto], description: 'The sessions changed' })
  @ApiProblems(400, 404, 409, 422)
  update(
    @Param('id', UuidPipe) id: string,
    @Query() { scope }: SessionScopeQuery,
    @Body() dto: UpdateSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionDto[]> {
    return this.sessions.update(principal, id, dto, scope ?? 'this', actorOf(principal));
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Cancel a session, or it and the later ones of its series (scope=following); the rows stay, marked cancelled' })
  @ApiOkResponse({ type: [SessionDto], description: 'The sessions cancelled' })
  @ApiProblems(400, 404, 409)
  cancel(
    @Param('id', UuidPipe) id: string,
    @Query() { scope }: SessionScopeQuery,
    @Body() dto: CancelSessionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionDto[]> {
    return this.sessions.cancel(principal, id, dto, scope ?? 'this', actorOf(principal));
  }
}
