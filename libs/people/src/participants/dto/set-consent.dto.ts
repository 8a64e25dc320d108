import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';

export const RECORDED_CONSENTS = ['granted', 'revoked'] as const;

/** A guardian's decision that reached the library another way (a signed form, a call). */
export class SetConsentDto {
  @ApiProperty({ enum: RECORDED_CONSENTS })
  @IsIn(RECORDED_CONSENTS)
  status: (typeof RECORDED_CONSENTS)[number];

  @ApiProperty({ maxLength: 100, description: 'The guardian who gave or withdrew consent' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @Length(1, 100)
  guardianName: string;
}
