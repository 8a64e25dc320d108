import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { BranchClosureEntity } from './branch-closure.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '$property must be a date as YYYY-MM-DD' };

export class CreateClosureDto {
  @ApiProperty({ format: 'date', example: '2027-01-18' })
  @Matches(DATE, DATE_MESSAGE) @IsISO8601({ strict: true })
  date: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Martin Luther King Jr. Day' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @Length(1, 200)
  reason: string;
}

export class ListClosuresQuery {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsISO8601({ strict: true })
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
