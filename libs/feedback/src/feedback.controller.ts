import { ApiProblems, UuidPipe } from '@codeshelf/core';
import { CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FEEDBACK_DAYS, FeedbackRequestDto, GiveFeedbackDto, GivenFeedbackDto, MIN_COMMENTERS, ProgramFeedbackDto, SessionFeedbackDto } from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';

const READERS =
  'For admins, the coordinators of the program’s branch, and the mentors of the session (for a program: of any of its sessions) while they read its roll call; ' +
  'anyone else is a 404 `feedback-not-found`. No names or ids of teens: comments are held back (`commentsHeldBack`) for a session fewer than ' +
  `${MIN_COMMENTERS} teens commented on, in every view.`;

@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post('sessions/:id/feedback')
  @Roles('participant')
  @ApiOperation({
    summary: 'Rate a session you were at (1–5), with a comment if you like; once',
    description:
      `From the session’s end until ${FEEDBACK_DAYS} days after it (else 422 \`feedback-window-closed\`), for a teen who held a seat in its program taken ` +
      'before it ended (else 422 `not-enrolled`; waitlisted teens hold none) and was not recorded absent or excused (422 `not-at-session`). ' +
      'A cancelled session is a 409 `session-cancelled`; a second rating is a 409 `feedback-already-given`.',
  })
  @ApiCreatedResponse({ type: GivenFeedbackDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  give(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: GiveFeedbackDto): Promise<GivenFeedbackDto> {
    return this.feedback.give(principal, id, dto);
  }

  @Get('me/feedback')
  @Roles('participant')
  @ApiOperation({ summary: `Your sessions of the last ${FEEDBACK_DAYS} days you may rate, and what you gave those you rated; the latest first` })
  @ApiOkResponse({ type: [FeedbackRequestDto] })
  @ApiProblems(401, 403, 404)
  requests(@CurrentPrincipal() principal: Principal): Promise<FeedbackRequestDto[]> {
    return this.feedback.requests(principal);
  }

  @Get('sessions/:id/feedback')
  @Roles('admin', 'coordinator', 'mentor')
  @ApiOperation({ summary: 'What teens said of a session: count, average and distribution of ratings, and comments without names', description: READERS })
  @ApiOkResponse({ type: SessionFeedbackDto })
  @ApiProblems(400, 401, 403, 404)
  ofSession(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<SessionFeedbackDto> {
    return this.feedback.ofSession(principal, id);
  }

  @Get('programs/:id/feedback')
  @Roles('admin', 'coordinator', 'mentor')
  @ApiOperation({ summary: 'What teens said of a program’s held sessions: the sums, each session’s average, and the comments shown', description: READERS })
  @ApiOkResponse({ type: ProgramFeedbackDto })
  @ApiProblems(400, 401, 403, 404)
  ofProgram(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ProgramFeedbackDto> {
    return this.feedback.ofProgram(principal, id);
  }
}
