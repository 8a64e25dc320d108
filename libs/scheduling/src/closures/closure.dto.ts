import { IsCalendarDate, Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { BranchClosureEntity } from './branch-closure.entity';

export class CreateClosureDto {
  @ApiProperty({ format: 'date', example: '2027-01-18' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Martin Luther King Jr. Day' })
  @Trim()
  @IsString() @Length(1, 200)
  reason: string;
}

export class ListClosuresQuery {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsCalendarDate()
  to?: string;
}

export class ClosureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() reason: string;

  static from(c: BranchClosureEntity): ClosureDto {
    return { id: c.id, branchId: c.branchId, date: c.date, reason: c.reason };
  }
}
