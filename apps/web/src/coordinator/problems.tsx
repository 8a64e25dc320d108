import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/client';
import { ProblemMessage } from '../ui/ProblemMessage';
import { problemOf } from '../ui/problem';

type T = (key: string, options?: Record<string, unknown>) => string;

/** The API's field messages for the rules a coordinator meets, and the console's words for each (captures become values). */
const RULES: [RegExp, string, string[]][] = [
  [/^maxAge must be at least minAge \((\d+)\)/, 'coordinator.fieldErrors.maxAgeBelowMin', ['min']],
  [/^endsOn must be on or after startsOn \((\S+)\)/, 'coordinator.fieldErrors.endsBeforeStart', ['date']],
  [/^enrollmentClosesAt must be after enrollmentOpensAt/, 'coordinator.fieldErrors.closesBeforeOpens', []],
  [/^endsAt must be after startsAt/, 'coordinator.fieldErrors.endBeforeStart', []],
  [/^(\S+) is outside the program \((\S+) to (\S+)\)/, 'coordinator.fieldErrors.outsideProgram', ['date', 'from', 'to']],
  [/^The branch is closed on (\S+): (.*)$/, 'coordinator.fieldErrors.branchClosed', ['date', 'reason']],
  [/^roomId must be a room of/, 'coordinator.fieldErrors.roomElsewhere', []],
  [/must not be less than (\S+)/, 'coordinator.fieldErrors.atLeast', ['n']],
  [/must not be greater than (\S+)/, 'coordinator.fieldErrors.atMost', ['n']],
  [/should not be empty|must be longer than or equal to 1/, 'coordinator.fieldErrors.required', []],
];

/** A field error in the console's words where we know the rule, else the API's own words. */
export function fieldMessage(t: T, message: string): string {
  for (const [pattern, key, names] of RULES) {
    const match = pattern.exec(message);
    if (match) return t(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1]])));
  }
  return message;
}

/**
 * Puts each field error of a problem+json answer next to its field, in words (the form keeps what was typed);
 * returns the problem to show above the form when a field it names is not on the form, or it names none.
 */
export function placeProblem<V extends FieldValues>(t: T, error: unknown, fields: readonly Path<V>[], setError: UseFormSetError<V>) {
  const problem = problemOf(error);
  if (!problem) return undefined;
  const errors = problem.errors ?? [];
  const placed = errors.filter((e) => fields.includes(e.field.split('.')[0] as Path<V>));
  for (const e of placed) setError(e.field.split('.')[0] as Path<V>, { type: 'server', message: fieldMessage(t, e.message) });
  return placed.length > 0 && placed.length === errors.length ? undefined : problem;
}

/** A problem in the console's words for the codes it knows (`coordinator.problems.<code>`), else as the app shows any problem. */
export function ConsoleProblem({ problem, values }: { problem: Problem | undefined; values?: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  if (!problem) return null;
  const key = `coordinator.problems.${problem.code}`;
  if (!i18n.exists(key)) return <ProblemMessage problem={problem} />;
  return (
    <div role="alert" className="alert alert--error">
      {t(key, { ...problem, ...values })}
    </div>
  );
}
