import { IsCalendarDate, IsInstantWithOffset, IsNumberWithDecimals, Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { PROGRAM_LEVELS, type ProgramLevel, WAITLIST_MODES, type WaitlistMode } from '../program.entity';

export class CreateProgramDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  branchId: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Intro to Python' })
  @Trim() @IsString() @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional() @IsString() @MaxLength(5000)
  description?: string;

  @ApiProperty({ enum: PROGRAM_LEVELS })
  @IsIn(PROGRAM_LEVELS)
  level: ProgramLevel;

  @ApiProperty({ minimum: 5, maximum: 25, example: 13 })
  @IsInt() @Min(5) @Max(25)
  minAge: number;

  @ApiProperty({ minimum: 5, maximum: 25, example: 17, description: 'At least minAge' })
  @IsInt() @Min(5) @Max(25)
  maxAge: number;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 20 })
  @IsInt() @Min(1) @Max(1000)
  capacity: number;

  @ApiProperty({ format: 'date', example: '2027-01-12' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2027-05-25', description: 'On or after startsOn' })
  @IsCalendarDate()
  endsOn: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T09:00:00-06:00', description: 'With its UTC offset' })
  @IsOptional() @IsInstantWithOffset()
  enrollmentOpensAt?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2027-01-10T23:59:00-06:00', description: 'After enrollmentOpensAt' })
  @IsOptional() @IsInstantWithOffset()
  enrollmentClosesAt?: string;

  @ApiPropertyOptional({ default: true, description: 'When full, later teens join a waitlist' })
  @IsOptional() @IsBoolean()
  waitlistEnabled?: boolean;

  @ApiPropertyOptional({
    enum: WAITLIST_MODES,
    default: 'promote',
    description: 'When a seat frees: `promote` seats the first in line at once; `offer` offers them the seat for offerHours, then it passes to the next',
  })
  @IsOptional() @IsIn(WAITLIST_MODES)
  waitlistMode?: WaitlistMode;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 336, nullable: true, example: 48, description: 'How long an offer waits for the answer; required with waitlistMode `offer`' })
  @IsOptional() @IsInt() @Min(1) @Max(336)
  offerHours?: number | null;

  @ApiPropertyOptional({ minimum: 0.05, maximum: 1, default: 0.75, description: 'Share of held sessions attended to complete' })
  @IsOptional() @IsNumberWithDecimals(2) @Min(0.05) @Max(1)
  completionThreshold?: number;
}
