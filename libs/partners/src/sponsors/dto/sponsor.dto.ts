import { ApiProperty } from '@nestjs/swagger';
import type { SponsorEntity } from '../sponsor.entity';

/** A sponsoring company, for library staff and for the sponsor itself. */
export class SponsorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) website: string | null;
  @ApiProperty({ type: String, format: 'email', nullable: true }) contactEmail: string | null;
  @ApiProperty() createdAt: Date;

  static from(sponsor: SponsorEntity): SponsorDto {
    return { id: sponsor.id, name: sponsor.name, website: sponsor.website, contactEmail: sponsor.contactEmail, createdAt: sponsor.createdAt };
  }
}
