import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDto } from '../errors/problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: a field is missing, malformed or not accepted (problem+json names each field)',
  401: 'No valid credentials',
  403: 'The principal may not do this',
  404: 'Not found, or not visible to this principal',
  409: 'Conflicts with the current state',
  410: 'No longer available',
  413: 'Request body too large',
  422: 'Well-formed, but breaks a rule (problem+json says which)',
  429: 'Too many requests; see Retry-After',
  503: 'Temporarily unavailable',
};

/** Documents the problem+json answers a route can give, beside its success response. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
