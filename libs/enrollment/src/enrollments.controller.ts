import { ApiPageResponse, ApiProblems, Idempotent, type Page, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { MENTOR_ACCESS_DAYS_AFTER_SESSION } from '@codeshelf/scheduling';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EnrollDto, PrioritizeDto } from './dto/enroll.dto';
import { EnrollmentDto } from './dto/enrollment.dto';
import { RosterEntryDto, RosterQuery, rosterCsv } from './dto/roster.dto';
import { EnrollmentsService } from './enrollments.service';

@ApiTags('enrollment')
@Controller()
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Post('programs/:id/enrollments')
  @Roles('admin', 'coordinator', 'participant')
  @Idempotent()
  @ApiOperation({
    summary: 'Enroll a teen: yourself (no body), or as staff of the branch `{ participantId }`',
    description:
      'A free seat gives `enrolled`; a full program with a waitlist gives `waitlisted` with the next place in line (FIFO); a full ' +
      'program without one is a 409 `program-full`. Refused with 422: `program-not-published`, `enrollment-window-closed`, ' +
      '`age-not-eligible` (age on the start date), `guardian-consent-required` (a minor). A second active enrollment is a 409 ' +
      '`already-enrolled` naming the first. Staff name a teen of their branches (home branch, or a place in one of their programs; ' +
      'an admin any teen): any other, like an unknown id, is a 404 `participant-not-found` with nothing about the teen.',
  })
  @ApiBody({ type: EnrollDto, required: false })
  @ApiCreatedResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  enroll(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) programId: string, @Body() dto: EnrollDto): Promise<EnrollmentDto> {
    return this.enrollments.enroll(principal, programId, dto, actorOf(principal));
  }

  @Get('programs/:id/enrollments')
  @Roles('admin', 'coordinator', 'mentor')
  @ApiOperation({
    summary: 'The program’s roster and waitlist',
    description:
      'For the staff of its branch: every enrollment, waitlist included, with full records of the teens they act on (a teen who withdrew ' +
      'and lives at another branch shows as for a mentor). For a mentor currently assigned to ' +
      'the program: the teens holding a seat (`enrolled`, `completed`), first name and last initial only — no waitlist, no ' +
      `withdrawals. Currently assigned: on a session of the program that is scheduled (not cancelled) and ended at most ${MENTOR_ACCESS_DAYS_AFTER_SESSION} days ` +
      'ago, or is still to come; any other mentor is a 403 `roster-not-yours`. Reading it is audited. ' +
      '`?format=csv` or `Accept: text/csv` gives the whole roster (every page, `status` still filters) as CSV: seats, then the waitlist in order, then the rest.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiPageResponse(RosterEntryDto)
  @ApiProblems(400, 401, 403, 404)
  async roster(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) programId: string,
    @Query() query: RosterQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<RosterEntryDto> | string> {
    if (query.format === 'csv' || (!query.format && accept?.includes('text/csv'))) {
      const entries = await this.enrollments.wholeRoster(principal, programId, query, actorOf(principal));
      reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="codeshelf-roster-${programId}.csv"`);
      return rosterCsv(entries);
    }
    return this.enrollments.roster(principal, programId, query, actorOf(principal));
  }

  @Get('enrollments/:id')
  @Roles('admin', 'coordinator', 'participant')
  @ApiOperation({ summary: 'One enrollment: for its teen and the staff of its branch' })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<EnrollmentDto> {
    return this.enrollments.get(principal, id);
  }

  @Post('enrollments/:id/withdraw')
  @Roles('admin', 'coordinator', 'participant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw: by the teen, or staff of the branch',
    description:
      'A freed seat (held or offered) goes to the first on the waitlist in the same transaction: seated, or offered until the program’s ' +
      '`offerHours` pass when its `waitlistMode` is `offer` (they get a message); the line closes up.',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<EnrollmentDto> {
    return this.enrollments.withdraw(principal, id, actorOf(principal));
  }

  @Post('enrollments/:id/accept')
  @Roles('admin', 'coordinator', 'participant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take a seat offered from the waitlist: by the teen, or staff of the branch for them',
    description:
      'An `offered` enrollment becomes `enrolled` while its offer stands (`offerExpiresAt` ahead). After the deadline it is a 409 `offer-expired` ' +
      '(the seat passes to the next in line); any other status a 409 `enrollment-status-conflict`. Another teen’s enrollment is a 404.',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  accept(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<EnrollmentDto> {
    return this.enrollments.accept(principal, id, actorOf(principal));
  }

  @Post('enrollments/:id/decline')
  @Roles('admin', 'coordinator', 'participant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn down a seat offered from the waitlist: by the teen, or staff of the branch for them',
    description:
      'The `offered` enrollment is `withdrawn` and the seat is offered to the next in line in the same transaction (they get a message). ' +
      'Any other status is a 409 `enrollment-status-conflict`; another teen’s enrollment is a 404.',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  decline(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<EnrollmentDto> {
    return this.enrollments.decline(principal, id, actorOf(principal));
  }

  @Post('enrollments/:id/prioritize')
  @Roles('admin', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Override the line: move a waitlisted teen to the front, with the reason (staff of the branch; audited)',
    description: 'They take the next seat that frees; the seats themselves stay within capacity (raise it to seat them now). The reason is kept in the audit trail.',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  prioritize(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: PrioritizeDto): Promise<EnrollmentDto> {
    return this.enrollments.prioritize(principal, id, dto.reason, actorOf(principal));
  }
}
