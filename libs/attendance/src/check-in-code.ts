import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 4226 HOTP, 6 digits: the code for one time step of a session's secret. */
export function hotp(secretHex: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', Buffer.from(secretHex, 'hex')).update(message).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** RFC 6238-style: the time step `at` falls in, for steps of `periodSeconds`. */
export const stepAt = (at: Date, periodSeconds: number) => Math.floor(at.getTime() / 1000 / periodSeconds);

/** The code shown now and when it is replaced. */
export function currentCode(secretHex: string, periodSeconds: number, now = new Date()): { code: string; expiresAt: Date } {
  const step = stepAt(now, periodSeconds);
  return { code: hotp(secretHex, step), expiresAt: new Date((step + 1) * periodSeconds * 1000) };
}

/** Whether `code` is the current code or the one just before it (a teen typing as it rotates), in constant time. */
export function codeMatches(secretHex: string, periodSeconds: number, code: string, now = new Date()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const given = Buffer.from(code);
  const step = stepAt(now, periodSeconds);
  // Both candidates are compared every time, so the time taken does not tell which one matched.
  const matches = [step, step - 1].map((candidate) => timingSafeEqual(Buffer.from(hotp(secretHex, candidate)), given));
  return matches.some(Boolean);
}
