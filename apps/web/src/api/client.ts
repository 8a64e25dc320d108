import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/**
 * The one way the app talks to the API: the client generated from the API's OpenAPI document.
 * Same origin as the API; the session is an HttpOnly cookie the browser sends (credentials: 'include'),
 * so no token is ever kept where scripts can read it.
 */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'include' });

export type Schemas = components['schemas'];
export type Problem = Schemas['ProblemDto'];

/** Thrown by `unwrap` when the API answers with a problem+json. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** Returns the data of an openapi-fetch answer or throws its problem (for TanStack Query). */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const error = result.error;
    throw new ApiProblem(
      isProblem(error)
        ? error
        : { type: 'about:blank', title: result.response.statusText || 'Error', status: result.response.status, instance: '', code: 'unknown' },
    );
  }
  return result.data as T;
}
