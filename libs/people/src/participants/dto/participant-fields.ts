import { documented, type FieldOptions, presence, Trim } from '@codeshelf/core';
import { applyDecorators } from '@nestjs/common';
import { IsBoolean, IsEmail, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, registerDecorator } from 'class-validator';
import { isCalendarDate, todayUtc } from '../../age';
import { GUARDIAN_LANGUAGES } from '../participant.entity';

// The validation of each participant field, shared by the sign-up, create and update bodies.

export const NameField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, maxLength: 100 }), Trim(), ...presence(options), IsString(), Length(1, 100));

export const EmailField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, format: 'email', maxLength: 254 }), Trim(), ...presence(options), IsEmail(), MaxLength(254));

export const BirthDateField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, format: 'date', example: '2011-04-23' }), ...presence(options), IsBirthDate());

export const GuardianLanguageField = (options: FieldOptions = {}) =>
  applyDecorators(
    documented(options, { enum: GUARDIAN_LANGUAGES, default: 'en', description: 'The language the guardian is written to (the consent mail and page)' }),
    ...presence(options),
    IsIn(GUARDIAN_LANGUAGES),
  );

export const SchoolField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, maxLength: 200 }), Trim(), ...presence(options), IsString(), Length(1, 200));

export const GradeField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: 'integer', minimum: 0, maximum: 13, description: 'School grade, 0 for kindergarten' }), ...presence(options), IsInt(), Min(0), Max(13));

export const PhoneField = (options: FieldOptions = {}) =>
  applyDecorators(
    documented(options, { type: String, maxLength: 40, example: '+1 312 555 0100' }),
    Trim(),
    ...presence(options),
    IsString(),
    Length(3, 40),
    Matches(/^\+?[0-9()\-.\s]+$/, { message: '$property must be a phone number (digits, spaces, + ( ) - .)' }),
  );

export const GenderField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, maxLength: 60, description: 'Self-reported, free text' }), Trim(), ...presence(options), IsString(), Length(1, 60));

export const PostalCodeField = (options: FieldOptions = {}) =>
  applyDecorators(
    documented(options, { type: String, maxLength: 12 }),
    Trim(),
    ...presence(options),
    IsString(),
    Length(2, 12),
    Matches(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { message: '$property must be a postal code (letters, digits, spaces, dashes)' }),
  );

export const MediaConsentField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: Boolean, description: 'May photos and videos of the teen be published' }), ...presence(options), IsBoolean());

export const BranchField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, format: 'uuid', description: 'The branch whose coordinators look after the teen' }), ...presence(options), IsUUID());

/** A real `YYYY-MM-DD` date, not in the future and not before 1900. */
export function IsBirthDate() {
  return (target: object, propertyKey: string | symbol) => {
    const propertyName = String(propertyKey);
    registerDecorator({
      name: 'isBirthDate',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => isCalendarDate(value) && value >= '1900-01-01' && value <= todayUtc(),
        defaultMessage: () => `${propertyName} must be a date written YYYY-MM-DD, not in the future`,
      },
    });
  };
}
