import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '..');

/** Starts a script the way `npm start` / `npm run start:worker` do (ts-node with swc on the sources). */
function run(script: string, env: Record<string, string>): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

async function until(check: () => Promise<boolean> | boolean, what: string, output: string[], ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen in ${ms} ms:\n${output.join('')}`);
}

/** The README's front door: the sources start under ts-node (which compiles differently from jest and nest build). */
describe('npm start and npm run start:worker (ts-node on the sources)', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

  it('starts the API, which answers /health/ready', async () => {
    const port = await freePort();
    const { child, output } = run('apps/api/src/main.ts', { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test' });
    children.push(child);
    await until(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status === 200, 'the API answering', output);
  }, 70_000);

  it('starts the worker, which delivers the outbox', async () => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const [{ id }] = (await db.query(`INSERT INTO outbox_message (topic, payload) VALUES ('session.changed', '{}') RETURNING id`)).rows;
      const { child, output } = run('apps/worker/src/main.ts', { NODE_ENV: 'test', OUTBOX_POLL_MS: '200' });
      children.push(child);
      // A message nobody is mailed about is marked skipped once a worker has handled it.
      await until(async () => (await db.query(`SELECT status FROM outbox_message WHERE id = $1`, [id])).rows[0].status === 'skipped', 'the worker handling the outbox', output);
    } finally {
      await db.end();
    }
  }, 70_000);
});
