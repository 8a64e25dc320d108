import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldErrorDto, ValidationFailedError } from './problem';

/** Flattens class-validator's tree into `{ field, code, message }` with dotted paths (`records[2].status`); the code is the constraint's name. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldErrorDto[] {
  return errors.flatMap((error) => {
    // class-validator names no property when the value itself is not an object (`unknownValue`): that is the body.
    // A key that is the empty string ({"": 1}, or a form body "&=x") is shown quoted, so the field is still named.
    const property = error.property === '' ? '""' : error.property;
    const field = property === undefined ? parent || 'body' : !parent ? property : /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ field, code, message: rename(message, error.property, field) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

// class-validator says "property x should not exist" for whitelisted-out fields; say which field plainly.
function rename(message: string, property: string, field: string): string {
  if (message === `property ${property} should not exist`) return `${field} is not an accepted field`;
  return message;
}

// A NUL or a lone UTF-16 surrogate is no text PostgreSQL can store, and some validators (isEmail) throw on it.
const NOT_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Paths of the strings in `value` (a body, a query, a parameter) that are not valid text, named like validation errors. */
export function invalidTextFields(value: unknown, path = ''): FieldErrorDto[] {
  const field = path || 'body';
  if (typeof value === 'string') return NOT_TEXT.test(value) ? [{ field, code: 'isText', message: `${field} must be text without NUL characters or unpaired surrogates` }] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    invalidTextFields(item, !path ? key : Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`),
  );
}

/** Refuses text that is not text before any validator sees it. */
class TextValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type !== 'custom') {
      const bad = invalidTextFields(value, metadata.data ?? '');
      if (bad.length) throw new ValidationFailedError(bad);
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: unknown fields are a 400, types are converted, every failure names its field. */
export function createValidationPipe(): ValidationPipe {
  return new TextValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}

/** Validates a plain body against a DTO outside the pipe (in a guard), with the pipe's rules. */
export async function assertValid<T extends object>(dto: new () => T, plain: unknown): Promise<T> {
  const notText = invalidTextFields(plain);
  if (notText.length) throw new ValidationFailedError(notText);
  if (Array.isArray(plain)) throw new ValidationFailedError([{ field: 'body', code: 'isObject', message: 'body must be a JSON object' }]);
  const instance = plainToInstance(dto, plain && typeof plain === 'object' ? plain : {});
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new ValidationFailedError(flattenValidationErrors(errors));
  return instance;
}
