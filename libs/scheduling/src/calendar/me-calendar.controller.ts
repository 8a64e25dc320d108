import { CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Controller, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CalendarService } from './calendar.service';

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
}
