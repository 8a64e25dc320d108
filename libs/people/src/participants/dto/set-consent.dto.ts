import { Trim } from '@codeshelf/core';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export const RECORDED_CONSENTS = ['granted', 'revoked'] as const;

/** A guardian's decision that reached the library another way (a signed form, a call). */
export class SetConsentDto {
  @ApiProperty({ enum: RECORDED_CONSENTS })
  @IsIn(RECORDED_CONSENTS)
  status: (typeof RECORDED_CONSENTS)[number];

  @ApiProperty({ maxLength: 100, description: 'The guardian who gave or withdrew consent' })
  @Trim()
  @IsString() @Length(1, 100)
  guardianName: string;
}
