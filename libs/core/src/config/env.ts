import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** The validated process environment; every setting Codeshelf reads, with its default. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Set by the embedded PostgreSQL bootstrap when the user gives none. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /**
   * A read replica (a hot standby of DATABASE_URL) that the report routes read from; unset or empty: they read
   * DATABASE_URL like every other route. Its figures lag the primary by the replication delay.
   */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'REPORTING_DATABASE_URL must be a postgres:// URL' })
  REPORTING_DATABASE_URL?: string;

  @Type(() => Number) @IsInt() @Min(1) @Max(200)
  DB_POOL_SIZE = 10;

  @Type(() => Number) @IsInt() @Min(0)
  DB_STATEMENT_TIMEOUT_MS = 15_000;

  @Type(() => Number) @IsInt() @Min(0)
  DB_LOCK_TIMEOUT_MS = 5_000;

  @Type(() => Number) @IsInt() @Min(0)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

  /** How long a request waits for a pooled connection before it fails with 503. */
  @Type(() => Number) @IsInt() @Min(100)
  DB_CONNECTION_TIMEOUT_MS = 5_000;

  @Transform(toBoolean) @IsBoolean()
  DB_MIGRATE_ON_START = true;

  @Type(() => Number) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Which proxies may set X-Forwarded-For (the client address that rate limits count by): `false`,
   * `true` (any: only behind a proxy that overwrites the header), or comma-separated addresses/CIDRs.
   */
  @IsString()
  TRUST_PROXY = 'false';

  /**
   * Browser origins allowed to call the API (comma-separated, e.g. `https://club.example.org`). Empty: CORS is
   * off, so no other site's page can read an answer; server-to-server clients (sponsors' systems) need none.
   */
  @IsString()
  @Matches(/^(\s*https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$|^$/, { message: 'CORS_ORIGINS must be comma-separated origins such as https://club.example.org' })
  CORS_ORIGINS = '';

  /** Largest accepted request body, in bytes. */
  @Type(() => Number) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  /** HS256 signing secret shared by every API process; required in production. */
  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Type(() => Number) @IsInt() @Min(60) @Max(86_400)
  JWT_TTL_SECONDS = 3_600;

  /** Login attempts per minute for one e-mail from one address. */
  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Login attempts per minute from one client address, whatever the e-mail (password spraying). */
  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = 60;

  /** Sign-ups per minute from one client address: a whole library computer lab signs up at once. */
  @Type(() => Number) @IsInt() @Min(1)
  SIGNUP_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = 60;

  /** Sign-ups per hour from one client address, so that a script cannot keep a lab's burst up all day. */
  @Type(() => Number) @IsInt() @Min(1)
  SIGNUP_RATE_LIMIT_PER_ADDRESS_PER_HOUR = 120;

  /** Requests per minute of one signed-in user, on every route. */
  @Type(() => Number) @IsInt() @Min(1)
  RATE_LIMIT_PER_USER_PER_MINUTE = 600;

  /** Requests per minute of one sponsor API key, on every route. */
  @Type(() => Number) @IsInt() @Min(1)
  RATE_LIMIT_PER_API_KEY_PER_MINUTE = 1_200;

  /** Requests per minute from one client address without credentials (a whole lab may share one address). */
  @Type(() => Number) @IsInt() @Min(1)
  RATE_LIMIT_ANONYMOUS_PER_ADDRESS_PER_MINUTE = 1_200;

  /** Redis for the rate-limit counters (redis:// or rediss://); unset: they are kept in PostgreSQL. */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Below this age a participant needs a guardian's consent. */
  @Type(() => Number) @IsInt() @Min(1) @Max(30)
  AGE_OF_MAJORITY = 18;

  @Type(() => Number) @IsInt() @Min(1) @Max(90)
  CONSENT_LINK_TTL_DAYS = 14;

  /** Consent mails a teen may have sent again to their guardian per hour (each one is a mail to a third party). */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  CONSENT_RESEND_RATE_LIMIT_PER_HOUR = 3;

  /** How long a browser sign-in (the session cookie) lasts; signing out ends it sooner. */
  @Type(() => Number) @IsInt() @Min(1) @Max(24 * 90)
  BROWSER_SESSION_TTL_HOURS = 24 * 7;

  /** Self check-in opens this many minutes before a session starts (and closes when it ends). */
  @Type(() => Number) @IsInt() @Min(0) @Max(240)
  CHECK_IN_OPENS_MINUTES_BEFORE = 15;

  /** A teen checking in more than this many minutes after the start is late. */
  @Type(() => Number) @IsInt() @Min(0) @Max(240)
  CHECK_IN_LATE_AFTER_MINUTES = 10;

  /** How long one check-in code is shown before the next replaces it (the previous one is still accepted). */
  @Type(() => Number) @IsInt() @Min(15) @Max(3_600)
  CHECK_IN_CODE_PERIOD_SECONDS = 60;

  /** Wrong codes a teen may send for one session in 10 minutes before check-in is refused (429). */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  CHECK_IN_MAX_FAILED_ATTEMPTS = 5;

  /** Sponsor reports hide any figure counting fewer teens than this (rule 9). */
  @Type(() => Number) @IsInt() @Min(2) @Max(100)
  REPORT_MIN_CELL = 10;

  /** SMTP server for outgoing mail (smtp://user:pass@host:port or smtps://…); unset: mails are written to the log. */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of every mail. */
  @IsString()
  MAIL_FROM = 'Codeshelf <no-reply@codeshelf.local>';

  /** Deliver the outbox from this process too (default: only `npm start` on the embedded database turns it on). */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  WORKER_IN_PROCESS?: boolean;

  /** How often a worker looks for messages to deliver, in milliseconds. */
  @Type(() => Number) @IsInt() @Min(50) @Max(60_000)
  OUTBOX_POLL_MS = 1_000;

  /** Tries per message before it is marked failed (the wait doubles from 30 s between tries). */
  @Type(() => Number) @IsInt() @Min(1) @Max(20)
  OUTBOX_MAX_ATTEMPTS = 6;

  /** How long a worker holds a claimed message; if it dies, another takes the message after this. */
  @Type(() => Number) @IsInt() @Min(5) @Max(3_600)
  OUTBOX_LEASE_SECONDS = 120;

  /** Base of the links sent by e-mail: the web app's address (the guardian's consent page is its /consent/<token>). */
  @IsString()
  PUBLIC_URL = 'http://localhost:3000';

  /** The library system's name, as its certificates of completion carry it. */
  @IsString() @MinLength(1)
  LIBRARY_NAME = 'Codeshelf Public Library';

  /** The built web app the API serves at `/`; when it does not exist the API starts without it. */
  @IsString()
  WEB_DIST_DIR = 'apps/web/dist';

  /** First admin, created on start when no admin exists yet. */
  @IsOptional() @IsString()
  ADMIN_EMAIL?: string;

  @IsOptional() @IsString() @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;
}

/** TRUST_PROXY in the form Fastify's `trustProxy` takes. */
export function trustProxyOf(env: Pick<Env, 'TRUST_PROXY'>): boolean | string {
  const value = env.TRUST_PROXY.trim();
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

/** Validates `process.env` for ConfigModule; a bad setting stops the start with every problem listed. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) throw new Error('Invalid configuration:\n  JWT_SECRET: required in production');
  return env;
}
