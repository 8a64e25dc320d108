import {
  BirthDateField,
  BranchField,
  EmailField,
  GenderField,
  GradeField,
  GuardianLanguageField,
  MediaConsentField,
  NameField,
  PhoneField,
  PostalCodeField,
  SchoolField,
} from './participant-fields';
import type { GuardianLanguage } from '../participant.entity';

/** What a teen may change about themself; anything else in the body is a 400 naming the field. */
export class UpdateOwnParticipantDto {
  @SchoolField({ required: false, nullable: true }) school?: string | null;
  @GradeField({ required: false, nullable: true }) grade?: number | null;
  @EmailField({ required: false, nullable: true }) contactEmail?: string | null;
  /** A minor may withdraw media consent, never give it. */
  @MediaConsentField({ required: false }) mediaConsent?: boolean;
  @GenderField({ required: false, nullable: true }) gender?: string | null;
  @PostalCodeField({ required: false, nullable: true }) postalCode?: string | null;
}

/** What a coordinator or an admin may change: the teen's fields, plus identity, guardian and home branch. */
export class UpdateParticipantDto extends UpdateOwnParticipantDto {
  @NameField({ required: false }) firstName?: string;
  @NameField({ required: false }) lastName?: string;
  @BirthDateField({ required: false }) birthDate?: string;
  @NameField({ required: false }) guardianName?: string;
  @EmailField({ required: false }) guardianEmail?: string;
  @PhoneField({ required: false, nullable: true }) guardianPhone?: string | null;
  @GuardianLanguageField({ required: false }) guardianLanguage?: GuardianLanguage;
  /** A coordinator may only move a teen between their own branches. */
  @BranchField({ required: false, nullable: true }) homeBranchId?: string | null;
}
