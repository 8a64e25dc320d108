import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { buildMessage, IsISO8601, IsOptional, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';

/**
 * How a field decorator shared by a create and an update body behaves: `required` false lets the
 * field be left out; `nullable` true lets null clear it.
 */
export interface FieldOptions {
  required?: boolean;
  nullable?: boolean;
}

/** Trims surrounding white space from a string before it is validated. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** The presence rule of `options`: nothing for a required field, else optional (and null only where it clears). */
export function presence({ required = true, nullable = false }: FieldOptions): PropertyDecorator[] {
  if (required) return [];
  // IsOptional lets null through; a field that cannot be cleared must refuse it.
  return [nullable ? IsOptional() : ValidateIf((_: object, value: unknown) => value !== undefined)];
}

/** The OpenAPI property of a field with `options`. */
export function documented({ required = true, nullable = false }: FieldOptions, schema: Record<string, unknown>): PropertyDecorator {
  return required ? ApiProperty(schema) : ApiPropertyOptional({ ...schema, ...(nullable ? { nullable: true } : {}) });
}

/** Escapes LIKE wildcards in user input, so `q=50%` searches for "50%". */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** A calendar date written YYYY-MM-DD that exists (2027-02-30 does not). */
export const IsCalendarDate = () =>
  applyDecorators(Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }), IsISO8601({ strict: true }));

/** An ISO 8601 instant with its UTC offset: "16:00" alone would mean whatever the server's zone is. At most 40 characters (the document says so). */
export const IsInstantWithOffset = () =>
  applyDecorators(
    MaxLength(40),
    Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: '$property must be an ISO 8601 date-time with its offset' }),
    IsISO8601({ strict: true }),
  );

/**
 * A finite number with at most `places` decimals. class-validator's `IsNumber({ maxDecimalPlaces })` throws
 * a TypeError (a 500) on a number JavaScript writes in exponent form, such as 1e-7.
 */
export const IsNumberWithDecimals = (places: number) =>
  ValidateBy({
    name: 'isNumberWithDecimals',
    constraints: [places],
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
      defaultMessage: buildMessage((prefix) => `${prefix}$property must be a number with at most ${places} decimals`),
    },
  });
