import { Client } from 'pg';

// pg's message for its query_timeout; to-problem.ts maps it to 503.
const QUERY_READ_TIMEOUT = 'Query read timeout';

/**
 * A pg Client that closes its connection when a query runs past query_timeout. pg answers the caller but keeps
 * waiting for the server's answer, so the pool would lend the connection again with the stale query still in
 * front: the next request's query queues behind it (forever, on a connection the network cut off). A client
 * that is ending is dropped by the pool on release, and the next request gets a new connection.
 */
export class QueryTimeoutClient extends Client {
  // TypeORM always takes the promise form of query() (no callback).
  override query(...args: any[]): any {
    const answer: unknown = super.query(...(args as Parameters<Client['query']>));
    // Registered before the caller's own handlers, so the client is ending before anyone can release it.
    if (answer instanceof Promise) answer.catch((error: unknown) => this.endAfterTimeout(error));
    return answer;
  }

  private endAfterTimeout(error: unknown): void {
    if (error instanceof Error && error.message === QUERY_READ_TIMEOUT) void this.end();
  }
}
