import { ContactEmailField, SponsorNameField, WebsiteField } from './sponsor-fields';

/** Only the fields sent change; null clears the website or the contact e-mail. */
export class UpdateSponsorDto {
  @SponsorNameField({ required: false }) name?: string;
  @WebsiteField({ required: false, nullable: true }) website?: string | null;
  @ContactEmailField({ required: false, nullable: true }) contactEmail?: string | null;
}
