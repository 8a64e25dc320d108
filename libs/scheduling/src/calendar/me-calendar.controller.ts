import { ApiProblems, Public } from '@codeshelf/core';
import { CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Controller, Get, Header, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CalendarService } from './calendar.service';

export class FeedTokenQuery {
  @ApiProperty({ description: 'The token of the feed URL from POST /v1/me/calendar-token' })
  @IsString() @Length(43, 43)
  token: string;
}

export class FeedUrlDto {
  @ApiProperty({ example: 'http://localhost:3000/v1/me/calendar.ics?token=…' }) url: string;
}

@ApiTags('programs')
@Controller('me')
export class MeCalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Post('calendar-token')
  @Roles('admin', 'coordinator', 'mentor', 'participant')
  @ApiOperation({ summary: 'A new secret URL for your calendar feed, for calendar apps; the previous URL stops working' })
  @ApiOkResponse({ type: FeedUrlDto })
  rotate(@CurrentPrincipal() principal: Principal): Promise<FeedUrlDto> {
    return this.calendar.rotateToken(principal);
  }

  @Get('calendar.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'Your sessions as an RFC 5545 calendar (a mentor: assigned sessions), by the token in its URL' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar feed', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiProblems(400, 404)
  feed(@Query() { token }: FeedTokenQuery): Promise<string> {
    return this.calendar.personalFeed(token);
  }
}
