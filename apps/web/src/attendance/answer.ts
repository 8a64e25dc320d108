import { ApiProblem, type Schemas } from '../api/client';

export type CheckInAnswer =
  | { kind: 'checked-in'; at: string }
  | { kind: 'late'; at: string }
  | { kind: 'wrong-code'; attemptsLeft?: number }
  | { kind: 'too-early'; opensAt?: string }
  | { kind: 'closed' }
  | { kind: 'too-many-tries'; retryAfterSeconds?: number }
  | { kind: 'not-enrolled' }
  | { kind: 'other'; detail: string };

/** What the API's answer to a check-in means, for the page to say in words. */
export function answerOf(outcome: { result: Schemas['CheckInResultDto'] } | { error: unknown }): CheckInAnswer {
  if ('result' in outcome) return { kind: outcome.result.status === 'late' ? 'late' : 'checked-in', at: outcome.result.checkedInAt ?? new Date().toISOString() };
  const problem = outcome.error instanceof ApiProblem ? (outcome.error.problem as Schemas['ProblemDto'] & Record<string, unknown>) : undefined;
  switch (problem?.code) {
    case 'check-in-code-invalid':
    case 'validation-failed':
      return { kind: 'wrong-code', attemptsLeft: typeof problem.attemptsLeft === 'number' ? problem.attemptsLeft : undefined };
    case 'check-in-window-closed': {
      const opensAt = typeof problem.opensAt === 'string' ? problem.opensAt : undefined;
      return opensAt && new Date(opensAt) > new Date() ? { kind: 'too-early', opensAt } : { kind: 'closed' };
    }
    case 'check-in-locked':
      return { kind: 'too-many-tries', retryAfterSeconds: typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined };
    case 'not-enrolled':
      return { kind: 'not-enrolled' };
    default:
      return { kind: 'other', detail: problem?.detail ?? problem?.title ?? String(outcome.error) };
  }
}
