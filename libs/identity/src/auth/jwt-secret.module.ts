import { AppEnv, envConfig } from '@codeshelf/core';
import { Logger, Module, type Provider } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { keptSigningSecret } from '../queries/jwt-secret';

/** Injection token of the HS256 secret every API process of one database signs and verifies with. */
export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * JWT_SECRET, or (outside production: validateEnv refuses to start there without it) the secret this database
 * keeps. The first process writes one and every process reads back the row that won, so processes that start
 * together agree.
 */
async function jwtSecret(env: AppEnv, db: DataSource): Promise<string> {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const secret = await keptSigningSecret(db.manager, randomBytes(48).toString('base64url'));
  if (env.NODE_ENV !== 'test') new Logger('Auth').warn('JWT_SECRET is not set: tokens are signed with a secret kept in the database (table jwt_signing_secret)');
  return secret;
}

const jwtSecretProvider: Provider = { provide: JWT_SECRET, inject: [envConfig.KEY, DataSource], useFactory: jwtSecret };

/** Provides JWT_SECRET, to JwtModule's factory and to the strategy that verifies bearer tokens. */
@Module({ providers: [jwtSecretProvider], exports: [JWT_SECRET] })
export class JwtSecretModule {}
