import { validateEnv } from './env';

// Runs `validateEnv` and returns the message it threw with.
function rejectionOf(raw: Record<string, unknown>): string {
  try {
    validateEnv(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected validateEnv to throw');
}

describe(validateEnv.name, () => {
  it('fills in the defaults of an empty environment', () => {
    const env = validateEnv({});

    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      DB_POOL_SIZE: 10,
      DB_MIGRATE_ON_START: true,
      EMBEDDED_PG_DIR: '.data/postgres',
      BODY_LIMIT_BYTES: 1_048_576,
      AGE_OF_MAJORITY: 18,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('takes an empty SMTP_URL (as docker compose passes an unset one) for none, and refuses a non-SMTP URL', () => {
    expect(validateEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(validateEnv({ SMTP_URL: 'smtp://mail.example:587', WORKER_IN_PROCESS: 'true' })).toMatchObject({ SMTP_URL: 'smtp://mail.example:587', WORKER_IN_PROCESS: true });
    expect(() => validateEnv({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must be an smtp/);
  });

  it('takes an empty REPORTING_DATABASE_URL for none, and refuses one that is not a postgres:// URL', () => {
    expect(validateEnv({ REPORTING_DATABASE_URL: '' }).REPORTING_DATABASE_URL).toBeUndefined();
    expect(validateEnv({ REPORTING_DATABASE_URL: 'postgres://reader@replica:5432/codeshelf' }).REPORTING_DATABASE_URL).toBe('postgres://reader@replica:5432/codeshelf');
    expect(rejectionOf({ REPORTING_DATABASE_URL: 'mysql://replica/codeshelf' })).toMatch(/REPORTING_DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('converts the strings of process.env to numbers and booleans', () => {
    const env = validateEnv({ PORT: '8080', DB_POOL_SIZE: '20', DB_MIGRATE_ON_START: 'false' });

    expect(env.PORT).toBe(8080);
    expect(env.DB_POOL_SIZE).toBe(20);
    expect(env.DB_MIGRATE_ON_START).toBe(false);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['YES', true],
    ['0', false],
    ['off', false],
  ])('reads DB_MIGRATE_ON_START=%s as %s', (raw, expected) => {
    expect(validateEnv({ DB_MIGRATE_ON_START: raw }).DB_MIGRATE_ON_START).toBe(expected);
  });

  it('accepts a postgres:// and a postgresql:// DATABASE_URL', () => {
    expect(validateEnv({ DATABASE_URL: 'postgres://u:p@db:5432/codeshelf' }).DATABASE_URL).toBe('postgres://u:p@db:5432/codeshelf');
    expect(() => validateEnv({ DATABASE_URL: 'postgresql://db/codeshelf' })).not.toThrow();
  });

  it('ignores variables it does not know', () => {
    expect(() => validateEnv({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });

  it('stops on bad values, listing every offending variable', () => {
    const message = rejectionOf({ PORT: 'x', DATABASE_URL: 'mysql://x' });

    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain('PORT:');
    expect(message).toContain('DATABASE_URL: DATABASE_URL must be a postgres:// URL');
  });

  it('refuses a pool size beyond 200', () => {
    expect(rejectionOf({ DB_POOL_SIZE: '500' })).toContain('DB_POOL_SIZE:');
  });

  it('refuses a JWT_SECRET shorter than 32 characters', () => {
    expect(rejectionOf({ JWT_SECRET: 'short' })).toContain('JWT_SECRET must be at least 32 characters');
  });

  it('requires JWT_SECRET in production', () => {
    expect(rejectionOf({ NODE_ENV: 'production' })).toContain('JWT_SECRET: required in production');
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).not.toThrow();
  });
});
