import { ContactEmailField, SponsorNameField, WebsiteField } from './sponsor-fields';

export class CreateSponsorDto {
  @SponsorNameField() name: string;
  @WebsiteField({ required: false, nullable: true }) website?: string | null;
  @ContactEmailField({ required: false, nullable: true }) contactEmail?: string | null;
}
