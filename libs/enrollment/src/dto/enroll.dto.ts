import { Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class EnrollDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The teen to enroll: required for staff; a teen leaves it out (or names themself)' })
  @IsOptional() @IsUUID()
  participantId?: string;
}

export class PrioritizeDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Sibling already in the club', description: 'Why this teen goes ahead of the line: kept in the audit trail' })
  @Trim() @IsString() @Length(3, 500)
  reason: string;
}
