import { AppEnv } from '@codeshelf/core';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

let ephemeral: string | undefined;

/** JWT_SECRET, or outside production a secret made once per process (tokens then end with the process). */
export function jwtSecret(env: AppEnv): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (!ephemeral) {
    ephemeral = randomBytes(48).toString('base64url');
    if (env.NODE_ENV !== 'test') new Logger('Auth').warn('JWT_SECRET is not set: tokens are signed with a per-process secret and end at restart');
  }
  return ephemeral;
}
