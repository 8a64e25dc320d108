import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { IsIanaTimeZone } from '../time-zone';

// The validation of each branch field, shared by the create and update bodies.
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

export const BranchNameField = (options: FieldOptions = {}) =>
  applyDecorators(doc(options, { type: String, maxLength: 120, example: 'Harold Washington Library Center' }), trim, ...presence(options), IsString(), Length(1, 120));

export const AddressField = (options: FieldOptions = {}) =>
  applyDecorators(doc(options, { type: String, maxLength: 300, example: '400 S State St, Chicago, IL 60605' }), trim, ...presence(options), IsString(), Length(1, 300));

export const TimeZoneField = (options: FieldOptions = {}) =>
  applyDecorators(
    doc(options, { type: String, example: 'America/Chicago', description: 'IANA time zone (Area/Location, or UTC); session times are local to it' }),
    ...presence(options),
    IsIanaTimeZone(),
  );
