import { ApiPageResponse, ApiProblems, Idempotent, type Page, PageQueryDto, UuidPipe } from '@codeshelf/core';
import { actorOf, ApiKeyAllowed, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationsService } from './applications.service';
import { ApplicationDto, ApplicationStatusDto, ApplyDto, ChangeApplicationDto, ListApplicationsQuery, MyApplicationDto, ReceivedApplicationDto } from './dto/application.dto';

@ApiTags('partners')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('internships/:id/applications')
  @Roles('participant')
  @Idempotent()
  @ApiOperation({
    summary: 'Apply to an open internship (a teen, once)',
    description: '422 `internship-not-open` outside its open period, `not-eligible` naming each rule missed (`min-age`, `min-attendance-rate`); 409 `already-applied`.',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblems(400, 404, 409, 422)
  apply(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: ApplyDto): Promise<ApplicationDto> {
    return this.applications.apply(principal, id, dto, actorOf(principal));
  }

  @Get('internships/:id/applications')
  @Roles('admin', 'coordinator', 'sponsor')
  @ApiKeyAllowed()
  @ApiOperation({
    summary: 'The applications to a posting: for its sponsor and staff',
    description: 'A sponsor sees name, e-mail and school only where the teen shared their profile, otherwise a per-sponsor pseudonym; programs and attendance rate always. Every read is audited.',
  })
  @ApiPageResponse(ReceivedApplicationDto)
  @ApiProblems(400, 404)
  received(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: ListApplicationsQuery): Promise<Page<ReceivedApplicationDto>> {
    return this.applications.received(principal, id, query, actorOf(principal));
  }

  @Get('me/applications')
  @Roles('participant')
  @ApiOperation({ summary: 'Your internship applications and where each stands' })
  @ApiPageResponse(MyApplicationDto)
  @ApiProblems(400)
  mine(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<MyApplicationDto>> {
    return this.applications.mine(principal, query);
  }

  @Patch('applications/:id')
  @Roles('admin', 'coordinator', 'sponsor', 'participant')
  @ApiOperation({
    summary: 'Move an application along: submitted → shortlisted → offered → accepted | declined → completed { hired }',
    description:
      'The posting sponsor (or staff) shortlists, offers, rejects and completes; the teen accepts, declines or withdraws. A step not allowed from the ' +
      'current status is a 409 `illegal-transition` naming the allowed ones; another side’s step is a 403; an offer beyond the slots is a 409 `slots-filled`.',
  })
  @ApiOkResponse({ type: ApplicationStatusDto })
  @ApiProblems(400, 403, 404, 409)
  change(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: ChangeApplicationDto): Promise<ApplicationStatusDto> {
    return this.applications.change(principal, id, dto, actorOf(principal));
  }
}
