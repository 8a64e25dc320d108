import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUrl, Length, MaxLength, ValidateIf } from 'class-validator';

// The validation of each sponsor field, shared by the create and update bodies.
// `required` false: the field may be left out; `nullable` true: null clears it.
interface FieldOptions {
  required?: boolean;
  nullable?: boolean;
}

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

function presence({ required = true, nullable = false }: FieldOptions) {
  if (required) return [];
  // IsOptional lets null through; a field that cannot be cleared must refuse it.
  return [nullable ? IsOptional() : ValidateIf((_: object, value: unknown) => value !== undefined)];
}

function doc({ required = true, nullable = false }: FieldOptions, schema: Record<string, unknown>) {
  return required ? ApiProperty(schema) : ApiPropertyOptional({ ...schema, ...(nullable ? { nullable: true } : {}) });
}

export const SponsorNameField = (options: FieldOptions = {}) =>
  applyDecorators(doc(options, { type: String, maxLength: 200, example: 'Acme Software' }), trim, ...presence(options), IsString(), Length(1, 200));

export const WebsiteField = (options: FieldOptions = {}) =>
  applyDecorators(
    doc(options, { type: String, format: 'uri', maxLength: 500, example: 'https://acme.example' }),
    trim,
    ...presence(options),
    IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: true }, { message: '$property must be an http or https URL' }),
    MaxLength(500),
  );

export const ContactEmailField = (options: FieldOptions = {}) =>
  applyDecorators(doc(options, { type: String, format: 'email', maxLength: 254 }), trim, ...presence(options), IsEmail(), MaxLength(254));
