import { PageQueryDto, Trim } from '@codeshelf/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { CONSENT_STATUSES, type ConsentStatus } from '../participant.entity';

export class ListParticipantsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the first or last name, any case', maxLength: 100 })
  @Trim()
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: CONSENT_STATUSES })
  @IsOptional() @IsIn(CONSENT_STATUSES)
  consentStatus?: ConsentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the participants of this home branch' })
  @IsOptional() @IsUUID()
  homeBranchId?: string;
}
