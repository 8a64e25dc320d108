import { documented, type FieldOptions, presence, Trim } from '@codeshelf/core';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { SchoolEntity } from './school.entity';

const NameField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, maxLength: 200, example: 'Lincoln Middle School' }), Trim(), ...presence(options), IsString(), Length(1, 200));
const ContactNameField = () =>
  applyDecorators(documented({ required: false, nullable: true }, { type: String, maxLength: 100, example: 'Dana Ortiz' }), Trim(), ...presence({ required: false, nullable: true }), IsString(), Length(1, 100));
const ContactEmailField = () =>
  applyDecorators(
    documented({ required: false, nullable: true }, { type: String, format: 'email', maxLength: 254, example: 'dortiz@lincoln.example.org' }),
    Trim(),
    ...presence({ required: false, nullable: true }),
    IsEmail(),
    MaxLength(254),
  );
const ContactPhoneField = () =>
  applyDecorators(
    documented({ required: false, nullable: true }, { type: String, maxLength: 40, example: '+1 312 555 0142' }),
    Trim(),
    ...presence({ required: false, nullable: true }),
    IsString(),
    Length(3, 40),
    Matches(/^\+?[0-9()\-.\s]+$/, { message: '$property must be a phone number (digits, spaces, + ( ) - .)' }),
  );

/** A school partner of a branch; its contact is whom the coordinator writes to about rosters. */
export class CreateSchoolDto {
  @NameField() name: string;
  @ContactNameField() contactName?: string | null;
  @ContactEmailField() contactEmail?: string | null;
  @ContactPhoneField() contactPhone?: string | null;
}

/** Only the fields sent change; null clears a contact field. */
export class UpdateSchoolDto {
  @NameField({ required: false }) name?: string;
  @ContactNameField() contactName?: string | null;
  @ContactEmailField() contactEmail?: string | null;
  @ContactPhoneField() contactPhone?: string | null;
}

export class SchoolDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'email' }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;

  static from(s: SchoolEntity): SchoolDto {
    return { id: s.id, branchId: s.branchId, name: s.name, contactName: s.contactName, contactEmail: s.contactEmail, contactPhone: s.contactPhone };
  }
}
