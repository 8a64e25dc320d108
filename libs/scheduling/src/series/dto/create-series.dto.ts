import { IsCalendarDate } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { SessionDto } from '../../sessions/dto/session.dto';

export class CreateSeriesDto {
  @ApiProperty({ maxLength: 200, example: 'FREQ=WEEKLY;BYDAY=TU,TH', description: 'RFC 5545 RRULE (DAILY or WEEKLY), without DTSTART, UNTIL or COUNT' })
  @IsString() @MaxLength(200)
  rrule: string;

  @ApiProperty({ maxLength: 5, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', example: '16:00', description: 'Local start time in the branch’s time zone' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be HH:MM' })
  startTime: string;

  @ApiProperty({ minimum: 15, maximum: 480, example: 90 })
  @IsInt() @Min(15) @Max(480)
  durationMinutes: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First date the rule may produce; the program’s start by default' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last date (inclusive); the program’s end by default' })
  @IsOptional() @IsCalendarDate()
  until?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 400 })
  @IsOptional() @IsInt() @Min(1) @Max(400)
  count?: number;
}

export class SkippedDateDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: 'branch closed: Staff training' }) reason: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The session already in the room at that time' }) conflictingSessionId?: string;
}

export class SeriesResultDto {
  @ApiProperty({ format: 'uuid' }) seriesId: string;
  @ApiProperty({ type: [SessionDto] }) created: SessionDto[];
  @ApiProperty({ type: [SkippedDateDto] }) skipped: SkippedDateDto[];
}

export class PreviewSessionDto {
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) roomId: string | null;
}

/** The sessions a series would make now and the dates it would skip; nothing is kept. */
export class SeriesPreviewDto {
  @ApiProperty({ type: [PreviewSessionDto] }) sessions: PreviewSessionDto[];
  @ApiProperty({ type: [SkippedDateDto] }) skipped: SkippedDateDto[];
}
