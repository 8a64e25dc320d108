import { Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

/** A guardian's answer through the link they were e-mailed. */
export class AnswerConsentDto {
  @ApiProperty({ maxLength: 100, description: 'The name of the guardian answering' })
  @Trim()
  @IsString() @Length(1, 100)
  guardianName: string;

  @ApiProperty({ description: 'true grants consent, false declines it' })
  @IsBoolean()
  accept: boolean;

  @ApiPropertyOptional({ description: 'Whether photos and videos of the teen may be published; only with accept true' })
  @IsOptional() @IsBoolean()
  mediaConsent?: boolean;
}
