import { documented, type FieldOptions, presence, Trim } from '@codeshelf/core';
import { applyDecorators } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { IsIanaTimeZone } from '../time-zone';

// The validation of each branch field, shared by the create and update bodies.

export const BranchNameField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, maxLength: 120, example: 'Harold Washington Library Center' }), Trim(), ...presence(options), IsString(), Length(1, 120));

export const AddressField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, maxLength: 300, example: '400 S State St, Chicago, IL 60605' }), Trim(), ...presence(options), IsString(), Length(1, 300));

export const TimeZoneField = (options: FieldOptions = {}) =>
  applyDecorators(
    documented(options, { type: String, maxLength: 64, example: 'America/Chicago', description: 'IANA time zone (Area/Location, or UTC); session times are local to it' }),
    ...presence(options),
    IsIanaTimeZone(),
  );
