import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface Running {
  child: ChildProcess;
  /** Everything the process wrote, for the failure message. */
  output: string[];
}

/** Starts a script the way `npm start` / `npm run start:worker` do (ts-node with swc on the sources). */
export function runScript(script: string, env: Record<string, string>): Running {
  const output: string[] = [];
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

export const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Waits until `check` holds; fails with the process output after `ms`, or at once if `child` has exited. */
export async function until(check: () => Promise<boolean> | boolean, what: string, output: string[], ms = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (child && child.exitCode !== null) throw new Error(`${what} did not happen: the process exited with ${child.exitCode}:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen in ${ms} ms:\n${output.join('')}`);
}

/** Resolves when the child has exited (at once if it already has). */
export const exited = (child: ChildProcess) =>
  new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));

export interface RunningApi extends Running {
  url: string;
}

/** Starts the API as a real process on a free port and waits until /health/ready answers 200. */
export async function startApi(env: Record<string, string>, ms = 90_000): Promise<RunningApi> {
  const port = await freePort();
  const running = runScript('apps/api/src/main.ts', { NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  try {
    await until(async () => (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200, `the API on port ${port} answering`, running.output, ms, running.child);
  } catch (error) {
    running.child.kill('SIGKILL'); // nobody else holds it to clean up
    throw error;
  }
  return { ...running, url };
}
