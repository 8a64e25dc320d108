import type { Schemas } from '../api/client';
import { fieldMessage } from '../ui/problem';

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

/** The console's sentence for a program rule's field message, with its values; undefined for any other message. */
export function ruleMessage(t: T, message: string): string | undefined {
  for (const [pattern, key, names] of RULES) {
    const match = pattern.exec(message);
    if (match) return t(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1]])));
  }
  return undefined;
}

/** Field errors in the console's words where it knows the rule, else as every form shows them (for `applyProblem`). */
export const consoleFieldWords = (t: T) => (error: Schemas['FieldErrorDto']) => ruleMessage(t, error.message) ?? fieldMessage(error);
