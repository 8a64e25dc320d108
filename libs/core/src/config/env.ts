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

  /** Largest accepted request body, in bytes. */
  @Type(() => Number) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;
}

/** Validates `process.env` for ConfigModule; a bad setting stops the start with every problem listed. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
