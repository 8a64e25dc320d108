import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiProblem, type Problem, type Schemas } from '../api/client';
import { i18n } from '../i18n';

export function problemOf(error: unknown): Problem | undefined {
  return error instanceof ApiProblem ? error.problem : undefined;
}

/**
 * A field error in the page's language, by the stable code of the rule it broke (`isEmail`, `maxLength`…);
 * the API's English words for a code the app has no sentence for.
 */
export function fieldMessage(error: Schemas['FieldErrorDto']): string {
  const key = `fieldErrors.${error.code}`;
  return i18n.exists(key) ? i18n.t(key) : error.message;
}

/**
 * Puts each field error of a problem+json answer next to the field it names, in `words` (the form keeps what was
 * typed); returns what is left to show above the form (the problem's own words when no field is named).
 */
export function applyProblem<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  words: (error: Schemas['FieldErrorDto']) => string = fieldMessage,
): Problem | undefined {
  const problem = problemOf(error);
  if (!problem) return undefined;
  let placed = 0;
  for (const fieldError of problem.errors ?? []) {
    const name = fieldError.field.split('.')[0] as Path<T>;
    if (fields.includes(name)) {
      setError(name, { type: 'server', message: words(fieldError) });
      placed += 1;
    }
  }
  return placed > 0 && placed === (problem.errors ?? []).length ? undefined : problem;
}
