/**
 * Scaling out: `npm run build && npm run bench:scale [-- --processes 1,2,4 --warmup 5 --seconds 15 --programs 200]`
 * (not part of npm test). A fresh database under DATABASE_URL is loaded with the large seed, as the suite does;
 * then for each count N of API processes (the built API in production mode, each with its own pool of
 * DB_POOL_SIZE on the one PostgreSQL) it measures the public catalogue (50 connections spread evenly over the N
 * ports, as a load balancer would) and the enrollment rush (1,000 teens, 100 seats, 50 connections, seat checks
 * after it), one warm-up and one measured run each. Besides req/s and latency it records the CPU time per
 * request of the API processes and of the PostgreSQL backends serving the bench database (from /proc), and the
 * table sizes of the seed; with the first count, the sponsor report's cost too (1 connection). Written to
 * bench/results/scale-<time>.json. Exit code 1 if a seat check fails.
 */
import { JwtService } from '@nestjs/jwt';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import type { DriveResult, DriveSpec } from './drive';
import { insertProgram, insertTeens, makeFixtures, seatChecks, seedLarge } from './fixtures';
import { type Api, processCpuSeconds, ROOT, sleep, startApi, stopApi, withDatabase } from './support';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const o = {
  processes: option('processes', '1,2,4').split(',').map(Number),
  warmupSeconds: Number(option('warmup', '5')),
  seconds: Number(option('seconds', '15')),
  programs: Number(option('programs', '200')),
  teens: 1000,
  seats: 100,
  connections: 50,
  poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

function drive(spec: DriveSpec): Promise<DriveResult> {
  const file = join(tmpdir(), `codeshelf-drive-${randomBytes(6).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), 'bench/drive.ts', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out.trim().split('\n').pop()!) as DriveResult) : fail(new Error(`the driver exited with ${code}`))));
  });
}

/** CPU seconds so far of the API processes and of the PostgreSQL backends connected to the bench database. */
async function cpuNow(db: Pool, database: string, apis: Api[]): Promise<{ api: number; db: Map<number, number> }> {
  const { rows } = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  return {
    api: apis.reduce((sum, a) => sum + (processCpuSeconds(a.child.pid) ?? NaN), 0),
    db: new Map(rows.map((r) => [r.pid, processCpuSeconds(r.pid) ?? 0])),
  };
}

/** Runs `measured` and answers its result with the CPU milliseconds per request it cost each side. */
async function costed<R extends DriveResult>(db: Pool, database: string, apis: Api[], measured: () => Promise<R>) {
  const before = await cpuNow(db, database, apis);
  const result = await measured();
  const after = await cpuNow(db, database, apis);
  // A backend that appeared during the run started from nothing.
  const dbSeconds = [...after.db].reduce((sum, [pid, s]) => sum + s - (before.db.get(pid) ?? 0), 0);
  return { ...result, apiCpuMsPerRequest: round2(((after.api - before.api) * 1000) / result.requests), dbCpuMsPerRequest: round2((dbSeconds * 1000) / result.requests) };
}

async function main(): Promise<number> {
  const database = `codeshelf_bench_${randomBytes(6).toString('hex')}`;
  const databaseUrl = withDatabase(o.databaseUrl, database);
  const jwtSecret = randomBytes(48).toString('base64url').slice(0, 64);
  const jwt = new JwtService({ secret: jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: 3600 } });
  const admin = new Client({ connectionString: o.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  const loadBefore = loadavg().map(round1);
  let apis: Api[] = [];
  try {
    const seedSeconds = await seedLarge(databaseUrl, o.programs);
    await db.query('VACUUM ANALYZE');
    // Only the branch is used here: the branch with the most programs, as in the suite's catalogue.
    const f = await makeFixtures(db, jwt, 1);
    const sizes = (
      await db.query(
        `SELECT t AS "table", (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM ' || t, false, true, '')))[1]::text::int AS rows,
                round(pg_total_relation_size(t::regclass) / 1048576.0, 1)::float8 AS "totalMiB"
           FROM unnest(ARRAY['branch', 'program', 'session', 'participant', 'enrollment', 'attendance', 'user_account', 'audit_event']) AS t`,
      )
    ).rows;
    // What the report reads: the sponsor's programs, their seats and their held sessions' attendance rows.
    const [reportScope] = (
      await db.query(
        `SELECT count(DISTINCT sp.program_id)::int AS programs,
                (SELECT count(*)::int FROM enrollment e WHERE e.program_id IN (SELECT program_id FROM sponsorship WHERE sponsor_id = $1) AND e.status IN ('enrolled', 'completed')) AS seats,
                (SELECT count(*)::int FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.program_id IN (SELECT program_id FROM sponsorship WHERE sponsor_id = $1)) AS "attendanceRows"
           FROM sponsorship sp WHERE sp.sponsor_id = $1`,
        [f.sponsorId],
      )
    ).rows;
    console.info(`database ${database}: large seed (${o.programs} programs) in ${round1(seedSeconds)} s; load average ${loadBefore.join(' ')}`);
    console.table(sizes);
    const results = [];
    let pass = true;
    for (const n of o.processes) {
      apis = [];
      for (let i = 0; i < n; i++) apis.push(await startApi(databaseUrl, jwtSecret, o.poolSize));
      const urls = apis.map((a) => a.baseUrl);
      const path = `/v1/programs?branchId=${f.branchId}`;
      const catalogue = (seconds: number) => drive({ url: `${urls[0]}${path}`, urls: urls.map((u) => `${u}${path}`), connections: o.connections, seconds });
      await catalogue(o.warmupSeconds);
      const browse = await costed(db, database, apis, () => catalogue(o.seconds));
      const rush = async (title: string) => {
        const programId = await insertProgram(db, f.branchId, o.seats, title);
        const teens = await insertTeens(db, o.teens);
        const requests = teens.map((t) => ({ path: `/v1/programs/${programId}/enrollments`, headers: { authorization: `Bearer ${jwt.sign({ sub: t.userId, role: 'participant' })}` } }));
        return async () => {
          const result = await drive({ url: urls[0], urls, method: 'POST', connections: o.connections, requests, once: true });
          const checks = await seatChecks(db, programId, o.teens, o.seats);
          checks.push({
            name: 'every answer 201: seats enrolled, the rest waitlisted',
            pass: result.statuses['201'] === o.teens && result.answers.enrolled === o.seats && result.answers.waitlisted === o.teens - o.seats,
            detail: `statuses ${JSON.stringify(result.statuses)}, answers ${JSON.stringify(result.answers)}`,
          });
          return { ...result, checks };
        };
      };
      await (await rush(`Scale warm-up (${n})`))();
      const enroll = await costed(db, database, apis, await rush(`Scale rush (${n})`));
      const failed = enroll.checks.filter((c) => !c.pass);
      if (failed.length) pass = false;
      for (const [name, r] of [['catalogue', browse], ['rush', enroll]] as const) {
        console.info(`  ${n} API process(es) ${name.padEnd(9)} ${String(r.requestsPerSecond).padStart(8)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  errors ${r.errors + r.non2xx}  CPU ms/request API ${r.apiCpuMsPerRequest}, PostgreSQL ${r.dbCpuMsPerRequest}`);
      }
      if (failed.length) console.info(`  FAIL ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`);
      // The report's cost per request, once (one process, a dashboard's reads in a row): what reporting reads cost the primary.
      let report;
      if (n === o.processes[0]) {
        const url = `${urls[0]}/v1/reports/sponsors/${f.sponsorId}/outcomes`;
        const spec = { url, headers: { authorization: `Bearer ${f.sponsorToken}` }, connections: 1 };
        await drive({ ...spec, seconds: o.warmupSeconds });
        report = await costed(db, database, apis, () => drive({ ...spec, seconds: o.seconds }));
        console.info(`  ${n} API process(es) report    ${String(report.requestsPerSecond).padStart(8)} req/s  p50 ${report.p50Ms} ms  p99 ${report.p99Ms} ms  CPU ms/request API ${report.apiCpuMsPerRequest}, PostgreSQL ${report.dbCpuMsPerRequest}`);
      }
      results.push({ processes: n, catalogue: browse, rush: enroll, report });
      for (const api of apis) await stopApi(api);
      apis = [];
      await sleep(1_000);
    }
    const at = new Date();
    console.info(`\nCodeshelf scale-out ${at.toISOString()} — ${cpus().length} × ${cpus()[0]?.model}, load average ${loadBefore.join(' ')} at the start, ${loadavg().map(round1).join(' ')} at the end; pool ${o.poolSize} per process\n`);
    console.info('| API processes | catalogue req/s | p50 / p99 ms | CPU ms/req API / PostgreSQL | rush req/s | p50 / p99 ms | CPU ms/req API / PostgreSQL | errors | seat checks |');
    console.info('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const { processes, catalogue: c, rush: r } of results) {
      console.info(
        `| ${processes} | ${c.requestsPerSecond} | ${c.p50Ms} / ${c.p99Ms} | ${c.apiCpuMsPerRequest} / ${c.dbCpuMsPerRequest} | ${r.requestsPerSecond} | ${r.p50Ms} / ${r.p99Ms} | ${r.apiCpuMsPerRequest} / ${r.dbCpuMsPerRequest} | ${c.errors + c.non2xx} / ${r.errors + r.non2xx} | ${r.checks.every((k) => k.pass) ? 'PASS' : 'FAIL'} |`,
      );
    }
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `scale-${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`);
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage: { start: loadBefore, end: loadavg().map(round1) }, node: process.version };
    writeFileSync(file, `${JSON.stringify({ benchmark: 'scale', at, machine, options: o, seedSeconds: round1(seedSeconds), sizes, reportScope, pass, results }, null, 2)}\n`);
    console.info(`results written to ${file.slice(ROOT.length + 1)}`);
    return pass ? 0 : 1;
  } catch (error) {
    console.error(error);
    for (const api of apis) console.error(`last API output:\n${api.output.slice(-30).join('\n')}`);
    return 1;
  } finally {
    for (const api of apis) await stopApi(api);
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((error) => console.error(`could not drop ${database}: ${error}`));
    await admin.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
