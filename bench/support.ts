/**
 * What the benchmarks share: percentiles, a fresh database, and the API in a child process of its own
 * (never the benchmark's event loop), started as `npm start` starts it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

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

export interface Rush {
  durationMs: number;
  cpu: { benchPercent: number; apiPercent: number | null };
}

/** Runs `work(i)` for i in 0..n-1 with `concurrency` callers at a time; answers the wall time and CPU used. */
export async function rush(n: number, concurrency: number, apiPid: number | undefined, work: (i: number) => Promise<void>): Promise<Rush> {
  let next = 0;
  const apiCpu = processCpuSeconds(apiPid);
  const benchCpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await work(next++);
    }),
  );
  const durationMs = performance.now() - started;
  const used = process.cpuUsage(benchCpu);
  const apiCpuAfter = processCpuSeconds(apiPid);
  return {
    durationMs,
    cpu: {
      benchPercent: Math.round(((used.user + used.system) / 1000 / durationMs) * 100),
      apiPercent: apiCpu === null || apiCpuAfter === null ? null : Math.round(((apiCpuAfter - apiCpu) * 1000 * 100) / durationMs),
    },
  };
}


export interface Api {
  child: ChildProcess;
  baseUrl: string;
  output: string[];
}

export async function startApi(databaseUrl: string, jwtSecret: string, poolSize: number): Promise<Api> {
  const port = await freePort();
  const output: string[] = [];
  // As `npm start` runs it: ts-node (swc, tsconfig-paths from tsconfig.json) on the sources.
  // No first admin: the bench needs none (and an inherited ADMIN_* would only slow the start).
  const { ADMIN_EMAIL: _email, ADMIN_PASSWORD: _password, ...inherited } = process.env;
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      DB_POOL_SIZE: String(poolSize),
      DB_MIGRATE_ON_START: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: jwtSecret,
    },
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
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the API exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join('\n')}`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      await response.text();
      if (response.status === 200) return { child, baseUrl, output };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the API was not ready within 180 s:\n${output.join('\n')}`);
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

