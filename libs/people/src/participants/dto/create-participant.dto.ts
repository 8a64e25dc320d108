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

/** A participant a coordinator registers (no login); a minor's guardian is e-mailed a consent link. */
export class CreateParticipantDto {
  @NameField() firstName: string;
  @NameField() lastName: string;
  @BirthDateField() birthDate: string;
  @SchoolField({ required: false }) school?: string;
  @GradeField({ required: false }) grade?: number;
  @EmailField({ required: false }) contactEmail?: string;
  @NameField() guardianName: string;
  @EmailField() guardianEmail: string;
  @PhoneField({ required: false }) guardianPhone?: string;
  @GuardianLanguageField({ required: false }) guardianLanguage?: GuardianLanguage;
  @MediaConsentField({ required: false }) mediaConsent?: boolean;
  @GenderField({ required: false }) gender?: string;
  @PostalCodeField({ required: false }) postalCode?: string;
  /** Required for a coordinator (one of their branches). */
  @BranchField({ required: false }) homeBranchId?: string;
}
