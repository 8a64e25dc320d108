import { PageQueryDto } from '@codeshelf/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CONSENT_STATUSES, type ConsentStatus } from '../participant.entity';

export class ListParticipantsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the first or last name, any case', maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: CONSENT_STATUSES })
  @IsOptional() @IsIn(CONSENT_STATUSES)
  consentStatus?: ConsentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the participants of this home branch' })
  @IsOptional() @IsUUID()
  homeBranchId?: string;
}
