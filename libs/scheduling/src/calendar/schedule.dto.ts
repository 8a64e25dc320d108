import { IsInstantWithOffset, PageQueryDto } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { SESSION_STATUSES, type SessionStatus } from '../sessions/session.entity';

export class ScheduleQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Sessions ending after this instant (default: now)' })
  @IsOptional() @IsInstantWithOffset()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Sessions starting before this instant (default: no end)' })
  @IsOptional() @IsInstantWithOffset()
  to?: string;
}

/** One session on a person's schedule, with what they need to get there. */
export class ScheduleItemDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() programTitle: string;
  @ApiProperty() topic: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ example: 'America/Chicago', description: 'The branch’s zone, for showing local times' }) timezone: string;
  @ApiProperty() branchName: string;
  @ApiProperty({ type: String, nullable: true }) roomName: string | null;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ enum: ['participant', 'mentor'], description: 'Whether you attend it as a teen or mentor it' }) as: 'participant' | 'mentor';
}

export class FeedTokenQuery {
  @ApiProperty({ minLength: 43, maxLength: 43, description: 'The token of the feed URL from POST /v1/me/calendar-token' })
  @IsString() @Length(43, 43)
  token: string;
}
