import { AsyncLocalStorage } from 'node:async_hooks';

/** The request being served, for code far from its controller: the audit trail records its id. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();
