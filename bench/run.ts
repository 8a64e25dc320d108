/**
 * The benchmark suite: `npm run bench [-- --scenarios 1,2 --quick --programs 200 --rounds 3 --warmup 5 --seconds 15 --profile]` (not part of npm test;
 * `npm run build` first). A fresh database under DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * is loaded with the large seed; the built API (production mode, logs at warn) and the raw baseline
 * (bench/baseline/server.ts) run in processes of their own, and autocannon drives them from a third
 * (bench/drive.ts). Every scenario runs rounds that alternate API and baseline, each a warm-up then a measured
 * run; the medians are printed with the ratio API ÷ baseline and the API's peak RSS, and written to
 * bench/results/suite-<time>.json. Exit code 1 if a rush's seat check fails or the run breaks.
 */
import { JwtService } from '@nestjs/jwt';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import type { DriveResult, DriveSpec } from './drive';
import { type Check, insertProgram, insertTeens, makeFixtures, seatChecks, seedLarge, type Fixtures } from './fixtures';
import { type Api, median, peakRssMiB, processCpuSeconds, ROOT, startApi, startBaseline, stopApi, withDatabase, writeProfile } from './support';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const quick = flag('quick');
const o = {
  scenarios: option('scenarios', '1,2,3,4,5').split(',').map(Number),
  rounds: Number(option('rounds', quick ? '1' : '3')),
  warmupSeconds: Number(option('warmup', quick ? '2' : '5')),
  seconds: Number(option('seconds', quick ? '5' : '15')),
  programs: Number(option('programs', '200')),
  teens: quick ? 300 : 1000,
  seats: quick ? 30 : 100,
  poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
  profile: flag('profile'),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};
const round1 = (n: number) => Math.round(n * 10) / 10;

type Target = 'api' | 'baseline';
interface Scenario {
  id: number;
  name: string;
  connections: number;
  /** The targets of the issue for this scenario, judged on the medians. */
  targets: (api: Summary, ratio: number) => string[];
  /** A run of requests counted once rather than seconds: it warms up with one unrecorded round per server. */
  warmupRound?: boolean;
  /** One round against one server; the rush builds its own program and teens per round. */
  run: (target: Target, server: Api) => Promise<DriveResult & { checks?: Check[] }>;
}
interface Summary {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Runs bench/drive.ts in a process of its own and answers what it printed. */
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

function scenarios(db: Pool, jwt: JwtService, f: Fixtures): Scenario[] {
  const timed = { warmupSeconds: o.warmupSeconds, seconds: o.seconds };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const latency = (limit: number) => (api: Summary) => [`p99 ${api.p99Ms} ms ${api.p99Ms < limit ? '<' : '≥'} ${limit} ms`];
  const share = (min: number) => (_: Summary, ratio: number) => [`ratio ${ratio} ${ratio >= min ? '≥' : '<'} ${min}`];
  return [
    {
      id: 1,
      name: 'public catalogue GET /v1/programs?branchId',
      connections: 50,
      targets: (api, ratio) => [...share(0.7)(api, ratio), ...latency(50)(api)],
      run: (_, s) => drive({ url: `${s.baseUrl}/v1/programs?branchId=${f.branchId}`, connections: 50, ...timed }),
    },
    {
      id: 2,
      name: "GET /v1/programs/{id}/sessions (a mentor's token)",
      connections: 50,
      targets: (api, ratio) => [...share(0.7)(api, ratio), ...latency(50)(api)],
      run: (_, s) => drive({ url: `${s.baseUrl}/v1/programs/${f.programId}/sessions`, headers: bearer(f.mentorToken), connections: 50, ...timed }),
    },
    {
      id: 3,
      name: `enrollment rush: ${o.teens} teens, ${o.seats} seats, POST /v1/programs/{id}/enrollments`,
      connections: 50,
      warmupRound: true,
      targets: share(0.6),
      run: async (target, s) => {
        const programId = await insertProgram(db, f.branchId, o.seats, `Bench rush (${target})`);
        const teens = await insertTeens(db, o.teens);
        const requests = teens.map((t) => ({
          path: `/v1/programs/${programId}/enrollments`,
          headers: { ...bearer(jwt.sign({ sub: t.userId, role: 'participant' })), ...(target === 'baseline' ? { 'x-participant-id': t.participantId } : {}) },
        }));
        const result = await drive({ url: s.baseUrl, method: 'POST', connections: 50, requests, once: true });
        const checks = await seatChecks(db, programId, o.teens, o.seats);
        checks.push({
          name: 'every answer 201: seats enrolled, the rest waitlisted',
          pass: result.statuses['201'] === o.teens && result.answers.enrolled === o.seats && result.answers.waitlisted === o.teens - o.seats,
          detail: `statuses ${JSON.stringify(result.statuses)}, answers ${JSON.stringify(result.answers)}`,
        });
        return { ...result, checks };
      },
    },
    {
      id: 4,
      name: `roll call PUT /v1/sessions/{id}/attendance, 30 records (${f.rollCalls.length} sessions)`,
      connections: f.rollCalls.length,
      targets: latency(100),
      run: (_, s) =>
        drive({
          url: s.baseUrl,
          method: 'PUT',
          headers: { ...bearer(f.coordinatorToken), 'content-type': 'application/json' },
          requests: f.rollCalls.map((r) => ({ path: `/v1/sessions/${r.sessionId}/attendance`, body: r.body })),
          connections: f.rollCalls.length,
          ...timed,
        }),
    },
    {
      id: 5,
      name: `sponsor report GET /v1/reports/sponsors/{id}/outcomes (${f.sponsorPrograms} programs)`,
      // A dashboard's reads in a row, as the reporting issue measures its targets.
      connections: 1,
      targets: (api) => [`p50 ${api.p50Ms} ms ${api.p50Ms < 100 ? '<' : '≥'} 100 ms`],
      run: (_, s) => drive({ url: `${s.baseUrl}/v1/reports/sponsors/${f.sponsorId}/outcomes`, headers: bearer(f.sponsorToken), connections: 1, ...timed }),
    },
  ];
}

const summarize = (runs: DriveResult[]): Summary => ({
  requestsPerSecond: round1(median(runs.map((r) => r.requestsPerSecond))),
  p50Ms: round1(median(runs.map((r) => r.p50Ms))),
  p99Ms: round1(median(runs.map((r) => r.p99Ms))),
  errors: runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
});

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
  let api: Api | undefined;
  let baseline: Api | undefined;
  try {
    const seedSeconds = await seedLarge(databaseUrl, o.programs);
    await db.query('VACUUM ANALYZE');
    const fixtures = await makeFixtures(db, jwt, 10);
    console.info(`database ${database}: large seed (${o.programs} programs) in ${round1(seedSeconds)} s; load average ${loadBefore.join(' ')}`);
    const profileFile = o.profile ? join(tmpdir(), `codeshelf-api-${new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.cpuprofile`) : undefined;
    api = await startApi(databaseUrl, jwtSecret, o.poolSize, profileFile);
    baseline = await startBaseline(databaseUrl, o.poolSize);
    const servers = { api, baseline };
    const apiCpuStart = processCpuSeconds(api.child.pid);
    const apiStartRssMiB = peakRssMiB(api.child.pid);
    const results = [];
    let pass = true;
    for (const scenario of scenarios(db, jwt, fixtures).filter((s) => o.scenarios.includes(s.id))) {
      const runs: Record<Target, (DriveResult & { checks?: Check[] })[]> = { api: [], baseline: [] };
      // Rounds alternate API and baseline, so a noisy neighbour slows both alike.
      for (let round = scenario.warmupRound ? 0 : 1; round <= o.rounds; round++) {
        for (const target of ['api', 'baseline'] as const) {
          const result = await scenario.run(target, servers[target]);
          if (round > 0) runs[target].push(result);
          const failed = result.checks?.filter((c) => !c.pass) ?? [];
          if (failed.length) pass = false;
          console.info(
            `  [${scenario.id}] ${round ? `round ${round}` : 'warm-up'} ${target.padEnd(8)} ${String(result.requestsPerSecond).padStart(8)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  errors ${result.errors + result.non2xx} ${JSON.stringify(result.statuses)}${result.checks ? (failed.length ? `  FAIL ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}` : '  seat checks PASS') : ''}`,
          );
        }
      }
      const apiSummary = summarize(runs.api);
      const baseSummary = summarize(runs.baseline);
      const ratio = Math.round((apiSummary.requestsPerSecond / baseSummary.requestsPerSecond) * 100) / 100;
      results.push({ scenario: scenario.id, name: scenario.name, connections: scenario.connections, api: apiSummary, baseline: baseSummary, ratio, targets: scenario.targets(apiSummary, ratio), runs });
    }
    const apiPeakRssMiB = peakRssMiB(api.child.pid);
    const apiCpuSeconds = round1((processCpuSeconds(api.child.pid) ?? NaN) - (apiCpuStart ?? NaN));
    if (profileFile) {
      await writeProfile(api, profileFile);
      console.info(`API CPU profile: ${profileFile} (npx ts-node bench/profile-top.ts <file>)`);
    }

    const at = new Date();
    console.info(`\nCodeshelf benchmark ${at.toISOString()} — ${cpus().length} × ${cpus()[0]?.model}, load average ${loadBefore.join(' ')} at the start, ${loadavg().map(round1).join(' ')} at the end`);
    console.info(`median of ${o.rounds} alternating rounds (warm-up ${o.warmupSeconds} s, measured ${o.seconds} s; the rush: ${o.teens} teens once), pool ${o.poolSize}\n`);
    console.info('| scenario | conns | API req/s | API p50 / p99 ms | baseline req/s | baseline p50 / p99 ms | errors API / baseline | API ÷ baseline | targets |');
    console.info('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results) {
      console.info(
        `| ${r.scenario}. ${r.name} | ${r.connections} | ${r.api.requestsPerSecond} | ${r.api.p50Ms} / ${r.api.p99Ms} | ${r.baseline.requestsPerSecond} | ${r.baseline.p50Ms} / ${r.baseline.p99Ms} | ${r.api.errors} / ${r.baseline.errors} | ${r.ratio} | ${r.targets.join('; ')} |`,
      );
    }
    console.info(`\nAPI peak RSS (VmHWM): ${apiPeakRssMiB} MiB (target < 250 MB; ${apiStartRssMiB} MiB once started); API CPU during the scenarios: ${apiCpuSeconds} s; seat checks: ${pass ? 'PASS' : 'FAIL'}`);
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `suite-${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`);
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage: { start: loadBefore, end: loadavg().map(round1) }, node: process.version };
    writeFileSync(file, `${JSON.stringify({ benchmark: 'suite', at, machine, options: o, seedSeconds: round1(seedSeconds), apiStartRssMiB, apiPeakRssMiB, apiCpuSeconds, pass, results }, null, 2)}\n`);
    console.info(`results written to ${file.slice(ROOT.length + 1)}`);
    return pass ? 0 : 1;
  } catch (error) {
    console.error(error);
    if (api) console.error(`last API output:\n${api.output.slice(-30).join('\n')}`);
    if (baseline) console.error(`last baseline output:\n${baseline.output.slice(-30).join('\n')}`);
    return 1;
  } finally {
    await stopApi(api);
    await stopApi(baseline);
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
