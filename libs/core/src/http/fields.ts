import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateIf } from 'class-validator';

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
