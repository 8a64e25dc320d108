import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldErrorDto, ValidationFailedError } from './problem';

/** Flattens class-validator's tree into `{ field, message }` pairs with dotted paths (`records[2].status`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldErrorDto[] {
  return errors.flatMap((error) => {
    const field = !parent ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: rename(message, error.property, field) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

// class-validator says "property x should not exist" for whitelisted-out fields; say which field plainly.
function rename(message: string, property: string, field: string): string {
  if (message === `property ${property} should not exist`) return `${field} is not an accepted field`;
  return message;
}

/** The global pipe: unknown fields are a 400, types are converted, every failure names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
  const instance = plainToInstance(dto, plain && typeof plain === 'object' ? plain : {});
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new ValidationFailedError(flattenValidationErrors(errors));
  return instance;
}
