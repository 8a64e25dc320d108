/**
 * What the benchmark suite shares: percentiles, CPU and memory from /proc, and the servers in child processes
 * of their own (never the benchmark's event loop): the built API in production mode, and the raw baseline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** CPU seconds (user + system) a process has used so far, from /proc on Linux; null elsewhere. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export interface Api {
  child: ChildProcess;
  baseUrl: string;
  output: string[];
}

/** Where `npm run build` puts the API (see `start:prod`). */
export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');

/** Starts a server in a process of its own and waits until `GET /health/ready` answers 200. */
export async function startServer(name: string, args: string[], env: Record<string, string>): Promise<Api> {
  const port = await freePort();
  const output: string[] = [];
  // No first admin: the bench needs none (and an inherited ADMIN_* would only slow the start).
  const { ADMIN_EMAIL: _email, ADMIN_PASSWORD: _password, ...inherited } = process.env;
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join('\n')}`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      await response.text();
      if (response.status === 200) return { child, baseUrl, output };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${name} was not ready within 180 s:\n${output.join('\n')}`);
}

/** The built API in production mode (`npm run build` first), logging at warn, jobs left to a worker. */
export function startApi(databaseUrl: string, jwtSecret: string, poolSize: number, profileFile?: string): Promise<Api> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run npm run build first`);
  // The heap limit of `npm run start:prod` and the Dockerfile.
  return startServer('the API', ['--max-old-space-size=512', ...(profileFile ? ['-r', join(ROOT, 'bench/cpu-profile.js')] : []), API_MAIN], {
    ...(profileFile ? { CPU_PROFILE_FILE: profileFile } : {}),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    WORKER_IN_PROCESS: 'false',
    DATABASE_URL: databaseUrl,
    DB_POOL_SIZE: String(poolSize),
    DB_MIGRATE_ON_START: 'false',
    JWT_SECRET: jwtSecret,
    // The scenarios drive thousands of requests a minute as a few users: measured, not limited.
    RATE_LIMIT_PER_USER_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_API_KEY_PER_MINUTE: '100000000',
    RATE_LIMIT_ANONYMOUS_PER_ADDRESS_PER_MINUTE: '100000000',
  });
}

/** bench/baseline/server.ts: fastify + pg, the same statements, the same pool size. */
export function startBaseline(databaseUrl: string, poolSize: number): Promise<Api> {
  return startServer('the baseline', [require.resolve('ts-node/dist/bin.js'), 'bench/baseline/server.ts'], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DB_POOL_SIZE: String(poolSize),
  });
}

/** The peak resident set of a process so far (VmHWM), in MiB; null where /proc has none. */
export function peakRssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/** Asks a server started with a profile file to write it (bench/cpu-profile.js), and waits for it. */
export async function writeProfile(api: Api, file: string): Promise<void> {
  api.child.kill('SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(100);
  await sleep(500);
}

export async function stopApi(api: Api | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null || api.child.signalCode !== null) return;
  const exited = new Promise<void>((done) => api.child.once('exit', () => done()));
  api.child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!killed) {
    api.child.kill('SIGKILL');
    await exited;
  }
}

