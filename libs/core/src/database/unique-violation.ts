import { QueryFailedError } from 'typeorm';

/** Whether a write failed on a unique constraint or index (that one, when named): the usual "already exists". */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code, constraint: name } = error.driverError as { code?: string; constraint?: string };
  return code === '23505' && (constraint === undefined || name === constraint);
}
