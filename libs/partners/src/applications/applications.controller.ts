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
    summary: 'The applications to a posting: for its sponsor, admins, and coordinators (their branches’ teens)',
    description:
      'A teen who shared their profile is shown to the sponsor by name, e-mail and school, with every program they hold a seat in and their exact ' +
      '`attendanceRate`. A private applicant is a per-sponsor pseudonym with only what eligibility needs:\n\n' +
      '- `eligibility`: `eligible`, and for each rule the posting sets, `minAge` and `minAttendanceRate`, whether it is met today (null: no such rule). Always shown.\n' +
      '- `ageBand`: age today in the outcome reports’ bands (`under 13`, `13-14`, `15-16`, `17-18`, `19 and over`).\n' +
      '- `attendanceBand`: attended / held over every seat, banded (`no sessions yet`, `under 50%`, `50-74%`, `75% and over`); never the exact rate.\n' +
      '- `programs`: only programs this sponsor sponsors (or sponsored) that the teen holds a seat in; no other program’s title.\n\n' +
      'Nothing unique to one teen: the bands and programs are added to the eligibility one at a time (both bands, else the attendance band, else the ' +
      'age band; then each program), and each is kept only if at least REPORT_MIN_CELL teens of the library (the applicant among them) share everything ' +
      'shown so far; a band withheld is null, a program withheld is left out. The statement is shown as the teen wrote it. ' +
      'Admins see every applicant in full (name, `participantId`, …); a coordinator sees, in full, only the applications of teens of their branches ' +
      '(home branch, or a place enrolled, completed or waitlisted in one of their programs) and no others. Every read is audited.',
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
  @Roles('admin', 'sponsor', 'participant')
  @ApiOperation({
    summary: 'Move an application along: submitted → shortlisted → offered → accepted | declined → completed { hired }',
    description:
      'The posting sponsor (its users; or an admin for it) shortlists, offers, rejects and completes; the teen accepts, declines or withdraws; a ' +
      'coordinator takes no step (403). A step not allowed from the ' +
      'current status is a 409 `illegal-transition` naming the allowed ones; another side’s step is a 403; an offer beyond the slots is a 409 `slots-filled`.',
  })
  @ApiOkResponse({ type: ApplicationStatusDto })
  @ApiProblems(400, 403, 404, 409)
  change(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: ChangeApplicationDto): Promise<ApplicationStatusDto> {
    return this.applications.change(principal, id, dto, actorOf(principal));
  }
}
