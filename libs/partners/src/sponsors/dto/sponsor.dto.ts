import { ApiProperty } from '@nestjs/swagger';
import type { SponsorEntity } from '../sponsor.entity';

/** A sponsoring company, for library staff and for the sponsor itself. */
export class SponsorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) website: string | null;
  @ApiProperty({ type: String, format: 'email', nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) logoUrl: string | null;
  @ApiProperty() createdAt: Date;

  static from(sponsor: SponsorEntity): SponsorDto {
    const { id, name, website, contactEmail, contactName, logoUrl, createdAt } = sponsor;
    return { id, name, website, contactEmail, contactName, logoUrl, createdAt };
  }
}
