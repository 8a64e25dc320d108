import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A stable URI per problem code, so clients can switch on `type` as well as on `code`. */
export const problemType = (code: string) => `urn:codeshelf:problem:${code}`;

export class FieldErrorDto {
  @ApiProperty({ example: 'birthDate', description: 'Path of the offending field (dots for nesting, brackets for indexes)' })
  field: string;

  @ApiProperty({
    example: 'isBirthDate',
    description:
      'Stable machine code of the rule the field broke, for clients that say it in their own words: the class-validator constraint ' +
      '(isEmail, isNotEmpty, maxLength, isLength, isIn, isBoolean…; whitelistValidation for a field that is not accepted) or one of the API’s own ' +
      '(isBirthDate, isIanaTimeZone, isText, isCursor, dateOrder, exists, notCurrentCode…)',
  })
  code: string;

  @ApiProperty({ example: 'birthDate must be a date written YYYY-MM-DD, not in the future', description: 'The reason in English words' })
  message: string;
}

/** RFC 9457 problem details, the body of every 4xx and 5xx answer. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:codeshelf:problem:validation-failed' })
  type: string;

  @ApiProperty({ example: 'Validation failed' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional({ example: 'The request has 1 invalid field.' })
  detail?: string;

  @ApiProperty({ example: '/v1/programs', description: 'The request path the problem occurred on' })
  instance: string;

  @ApiProperty({ example: 'validation-failed', description: 'Stable machine-readable code' })
  code: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'The request id, also sent as the X-Request-Id header' })
  requestId?: string;

  [extension: string]: unknown;
}

/**
 * Base of every error a feature throws on purpose (`ProgramFullError`, `MentorNotClearedError`):
 * the global filter answers it as problem+json with this status, code and any extension members.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

/** Input that failed validation: a 400 naming each field and the reason. */
export class ValidationFailedError extends ProblemError {
  constructor(readonly errors: FieldErrorDto[]) {
    super(400, 'validation-failed', 'Validation failed', describeCount(errors.length), { errors });
  }
}

function describeCount(n: number): string {
  return n === 1 ? 'The request has 1 invalid field.' : `The request has ${n} invalid fields.`;
}
