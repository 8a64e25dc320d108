import { documented, type FieldOptions, presence, Trim } from '@codeshelf/core';
import { applyDecorators } from '@nestjs/common';
import { IsEmail, IsString, IsUrl, Length, MaxLength } from 'class-validator';

// The validation of each sponsor field, shared by the create and update bodies.

export const SponsorNameField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, maxLength: 200, example: 'Acme Software' }), Trim(), ...presence(options), IsString(), Length(1, 200));

export const WebsiteField = (options: FieldOptions = {}, example = 'https://acme.example') =>
  applyDecorators(
    documented(options, { type: String, format: 'uri', maxLength: 500, example }),
    Trim(),
    ...presence(options),
    IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: true }, { message: '$property must be an http or https URL' }),
    MaxLength(500),
  );

export const ContactEmailField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, format: 'email', maxLength: 254 }), Trim(), ...presence(options), IsEmail(), MaxLength(254));

export const ContactNameField = (options: FieldOptions = {}) =>
  applyDecorators(documented(options, { type: String, maxLength: 200, example: 'Dana Díaz' }), Trim(), ...presence(options), IsString(), Length(1, 200));

export const LogoUrlField = (options: FieldOptions = {}) => WebsiteField(options, 'https://acme.example/logo.png');
