import { IsCalendarDate, PageQueryDto, Trim } from '@codeshelf/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PROGRAM_LEVELS, PROGRAM_STATUSES, type ProgramLevel, type ProgramStatus } from '../program.entity';

export class ListProgramsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ enum: PROGRAM_STATUSES, description: 'Drafts and archived programs only for the staff of their branch' })
  @IsOptional() @IsIn(PROGRAM_STATUSES)
  status?: ProgramStatus;

  @ApiPropertyOptional({ enum: PROGRAM_LEVELS })
  @IsOptional() @IsIn(PROGRAM_LEVELS)
  level?: ProgramLevel;

  @ApiPropertyOptional({ minimum: 5, maximum: 25, description: 'Programs open to a teen of this age' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(5) @Max(25)
  age?: number;

  @ApiPropertyOptional({ format: 'date', description: 'Programs still running on or after this date' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Programs starting on or before this date' })
  @IsOptional() @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the title, any case' })
  @Trim()
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}
