import { ContactEmailField, ContactNameField, LogoUrlField, SponsorNameField, WebsiteField } from './sponsor-fields';

export class CreateSponsorDto {
  @SponsorNameField() name: string;
  @WebsiteField({ required: false, nullable: true }) website?: string | null;
  @ContactEmailField({ required: false, nullable: true }) contactEmail?: string | null;
  @ContactNameField({ required: false, nullable: true }) contactName?: string | null;
  @LogoUrlField({ required: false, nullable: true }) logoUrl?: string | null;
}
