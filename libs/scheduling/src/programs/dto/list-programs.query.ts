import { PageQueryDto } from '@codeshelf/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PROGRAM_STATUSES, type ProgramStatus } from '../program.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ListProgramsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ enum: PROGRAM_STATUSES, description: 'Drafts and archived programs only for the staff of their branch' })
  @IsOptional() @IsIn(PROGRAM_STATUSES)
  status?: ProgramStatus;

  @ApiPropertyOptional({ minimum: 5, maximum: 25, description: 'Programs open to a teen of this age' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(5) @Max(25)
  age?: number;

  @ApiPropertyOptional({ format: 'date', description: 'Programs still running on or after this date' })
  @IsOptional() @Matches(DATE, { message: '$property must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Programs starting on or before this date' })
  @IsOptional() @Matches(DATE, { message: '$property must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the title, any case' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}
