import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * helmet's default security headers (nosniff, HSTS, a CSP with frame-ancestors…), worked out once at start-up.
 * They are the same for every route; @fastify/helmet rebuilt helmet's middleware and parsed its CSP on every
 * request, a cost the benchmark's allocation profile showed (bench/README.md).
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name] = value),
    removeHeader: (name: string) => void delete headers[name],
  };
  helmet()({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}
