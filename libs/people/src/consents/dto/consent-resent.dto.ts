import { ApiProperty } from '@nestjs/swagger';

/** The guardian is being mailed a new link; the earlier ones no longer work. */
export class ConsentResentDto {
  @ApiProperty({ description: 'Until when the new link works' }) expiresAt: Date;
}
