import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BirthDateField, EmailField, GuardianLanguageField, NameField } from '../../participants/dto/participant-fields';
import type { GuardianLanguage } from '../../participants/participant.entity';

/** A teen signing up: their login, who they are, and the guardian who consents for a minor. */
export class SignupDto {
  @EmailField() email: string;

  @ApiProperty({ minLength: 12, maxLength: 256 })
  @IsString() @Length(12, 256)
  password: string;

  @NameField() firstName: string;
  @NameField() lastName: string;
  @BirthDateField() birthDate: string;
  /** Needed for a minor (under AGE_OF_MAJORITY on the day of sign-up); an adult names none. */
  @NameField({ required: false }) guardianName?: string;
  @EmailField({ required: false }) guardianEmail?: string;
  @GuardianLanguageField({ required: false }) guardianLanguage?: GuardianLanguage;
}
