import { createHmac } from 'node:crypto';

/**
 * The `Codeshelf-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the endpoint's
 * secret>`. A receiver recomputes it over the raw body and refuses a stale timestamp (see the README).
 */
export function signature(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}
