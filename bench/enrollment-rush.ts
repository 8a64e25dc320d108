/**
 * Enrollment rush: how many enrollments per second the API takes over HTTP when 1,000 teens hit one
 * program of 100 seats at once, against a baseline of the same transaction issued straight with `pg`.
 *
 *   npm run bench:enrollment -- [--teens 1000] [--seats 100] [--concurrency 50] [--rounds 3] [--warmup 200]
 *
 * DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server and a database to
 * connect to for creating and dropping a fresh `codeshelf_bench_<random>` database; nothing else is touched.
 * The API runs in a child process (as `npm start` runs it) against that database and migrates it on start.
 * Not part of `npm test`. Exit code 1 if a seat check fails (or the run breaks).
 */
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool, type PoolClient, type PoolConfig } from 'pg';
import { ENROLL } from '../libs/enrollment/src/seats';
import { type Api, median, percentile, ROOT, type Rush, rush, startApi, stopApi, withDatabase } from './support';


// ---------------------------------------------------------------------------------------------- options

interface Options {
  teens: number;
  seats: number;
  concurrency: number;
  rounds: number;
  warmup: number;
  databaseUrl: string;
  poolSize: number;
}

function parseOptions(argv: string[]): Options {
  const numbers: Record<string, number> = { teens: 1000, seats: 100, concurrency: 50, rounds: 3, warmup: 200 };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !(match[1] in numbers)) throw new Error(`unknown argument ${argv[i]}; accepted: ${Object.keys(numbers).map((k) => `--${k} <n>`).join(' ')}`);
    const raw = match[2] ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < (match[1] === 'warmup' ? 0 : 1)) throw new Error(`--${match[1]} needs a positive integer, got ${raw}`);
    numbers[match[1]] = value;
  }
  if (numbers.seats > numbers.teens) throw new Error('--seats must not exceed --teens');
  const poolSize = Number(process.env.DB_POOL_SIZE ?? 10);
  return {
    teens: numbers.teens,
    seats: numbers.seats,
    concurrency: numbers.concurrency,
    rounds: numbers.rounds,
    warmup: numbers.warmup,
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    poolSize,
  };
}

// ---------------------------------------------------------------------------------------------- helpers

const round1 = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------- fixtures

interface Teen {
  userId: string;
  participantId: string;
}

/** A birth date that makes the teen 15 today (16 on the program's first day, within 13–17). */
function birthDateForAge(age: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate() - 30)).toISOString().slice(0, 10);
}

/** `n` teens with logins and granted consent, in two statements (as test/support/enrollment-factories.ts). */
async function insertTeens(db: Pool, n: number): Promise<Teen[]> {
  const tag = randomBytes(4).toString('hex');
  const users = await db.query<{ id: string }>(
    `INSERT INTO user_account (email, password_hash, role, display_name)
     SELECT 'teen-' || $1 || '-' || i || '@bench.codeshelf.invalid', 'not-a-hash', 'participant', 'Teen ' || i FROM generate_series(1, $2) i
     RETURNING id`,
    [tag, n],
  );
  const ids = users.rows.map((u) => u.id);
  const participants = await db.query<{ id: string; user_id: string }>(
    `INSERT INTO participant (first_name, last_name, birth_date, guardian_name, guardian_email, consent_status, consent_granted_at, user_id)
     SELECT 'Teen', 'Number ' || ord, $2::date, 'Guardian', 'guardian-' || $3 || '-' || ord || '@bench.codeshelf.invalid', 'granted', now(), u
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, ord)
     RETURNING id, user_id`,
    [ids, birthDateForAge(15), tag],
  );
  const byUser = new Map(participants.rows.map((p) => [p.user_id, p.id]));
  return ids.map((userId) => ({ userId, participantId: byUser.get(userId)! }));
}

/** A published program of `seats` seats with a waitlist, next year, enrollment open now. */
async function insertProgram(db: Pool, branchId: string, seats: number, title: string): Promise<string> {
  const year = new Date().getUTCFullYear() + 1;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO program (branch_id, title, level, min_age, max_age, capacity, starts_on, ends_on, status, published_at)
     VALUES ($1, $2, 'beginner', 13, 17, $3, $4, $5, 'published', now()) RETURNING id`,
    [branchId, title, seats, `${year}-02-01`, `${year}-05-31`],
  );
  return rows[0].id;
}

// ---------------------------------------------------------------------------------------------- checks

interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

async function seatChecks(db: Pool, programId: string, teens: number, seats: number, failedRequests: number): Promise<Check[]> {
  const { rows } = await db.query<{
    capacity: number;
    enrolled_count: number;
    waitlisted_count: number;
    enrolled: number;
    waitlisted: number;
    other: number;
    min_pos: number | null;
    max_pos: number | null;
    distinct_pos: number;
  }>(
    `SELECT p.capacity, p.enrolled_count, p.waitlisted_count,
            count(e.id) FILTER (WHERE e.status = 'enrolled')::int AS enrolled,
            count(e.id) FILTER (WHERE e.status = 'waitlisted')::int AS waitlisted,
            count(e.id) FILTER (WHERE e.status NOT IN ('enrolled', 'waitlisted'))::int AS other,
            min(e.waitlist_position) AS min_pos, max(e.waitlist_position) AS max_pos,
            count(DISTINCT e.waitlist_position)::int AS distinct_pos
       FROM program p LEFT JOIN enrollment e ON e.program_id = p.id
      WHERE p.id = $1 GROUP BY p.id`,
    [programId],
  );
  const s = rows[0];
  const expectedWaitlist = teens - seats;
  return [
    {
      name: 'enrolled rows = capacity = enrolled_count',
      pass: s.enrolled === seats && s.capacity === seats && s.enrolled_count === seats,
      detail: `rows ${s.enrolled}, capacity ${s.capacity}, enrolled_count ${s.enrolled_count}`,
    },
    {
      name: 'waitlisted rows = teens - seats = waitlisted_count',
      pass: s.waitlisted === expectedWaitlist && s.waitlisted_count === expectedWaitlist && s.other === 0,
      detail: `rows ${s.waitlisted}, expected ${expectedWaitlist}, waitlisted_count ${s.waitlisted_count}, other rows ${s.other}`,
    },
    {
      name: 'waitlist positions exactly 1..n',
      pass:
        expectedWaitlist === 0
          ? s.min_pos === null
          : s.min_pos === 1 && s.max_pos === expectedWaitlist && s.distinct_pos === expectedWaitlist && s.waitlisted === expectedWaitlist,
      detail: `min ${s.min_pos}, max ${s.max_pos}, distinct ${s.distinct_pos}`,
    },
    { name: 'no failed requests', pass: failedRequests === 0, detail: `${failedRequests} failed` },
  ];
}

// ---------------------------------------------------------------------------------------------- rounds

interface RoundResult {
  label: string;
  programId: string;
  teens: number;
  seats: number;
  concurrency: number;
  durationMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** API: answers other than 201; baseline: transactions that threw. */
  failed: number;
  statuses: Record<string, number>;
  answered: { enrolled: number; waitlisted: number };
  /** CPU used during the rush, as % of one core: the benchmark process (HTTP client or pg baseline) and the API process. */
  cpu: { benchPercent: number; apiPercent: number | null };
  checks: Check[];
  pass: boolean;
}

async function summarize(
  db: Pool,
  label: string,
  programId: string,
  o: Options,
  teens: number,
  { durationMs, cpu }: Rush,
  latencies: number[],
  statuses: Record<string, number>,
  failed: number,
  answered: { enrolled: number; waitlisted: number },
  firstErrors: string[],
): Promise<RoundResult> {
  const sorted = [...latencies].sort((a, b) => a - b);
  const checks = await seatChecks(db, programId, teens, o.seats, failed);
  checks.push({
    name: 'answers: seats enrolled, the rest waitlisted',
    pass: answered.enrolled === o.seats && answered.waitlisted === teens - o.seats,
    detail: `${answered.enrolled} enrolled, ${answered.waitlisted} waitlisted`,
  });
  if (firstErrors.length) checks.push({ name: 'first errors', pass: false, detail: firstErrors.join(' | ') });
  return {
    label,
    programId,
    teens,
    seats: o.seats,
    concurrency: o.concurrency,
    durationMs: round1(durationMs),
    requestsPerSecond: round1((teens * 1000) / durationMs),
    p50Ms: round1(percentile(sorted, 50)),
    p99Ms: round1(percentile(sorted, 99)),
    maxMs: round1(sorted[sorted.length - 1] ?? NaN),
    failed,
    statuses,
    answered,
    cpu,
    checks,
    pass: checks.every((c) => c.pass),
  };
}

/** One rush through HTTP: every teen POSTs once to the program's enrollments. */
async function apiRound(db: Pool, jwt: JwtService, { baseUrl, child }: Api, branchId: string, o: Options, label: string, n: number): Promise<RoundResult> {
  const programId = await insertProgram(db, branchId, o.seats, `Bench ${label}`);
  const teens = await insertTeens(db, n);
  const tokens = teens.map((t) => jwt.sign({ sub: t.userId, role: 'participant' }));
  const url = `${baseUrl}/v1/programs/${programId}/enrollments`;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const answered = { enrolled: 0, waitlisted: 0 };
  const firstErrors: string[] = [];
  let failed = 0;
  const timing = await rush(n, o.concurrency, child.pid, async (i) => {
    const started = performance.now();
    let status = 'network-error';
    let body: { status?: string } | string = '';
    try {
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${tokens[i]}` } });
      status = String(response.status);
      const text = await response.text();
      try {
        body = JSON.parse(text) as { status?: string };
      } catch {
        body = text;
      }
    } catch (error) {
      body = String(error);
    }
    latencies.push(performance.now() - started);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status !== '201') {
      failed++;
      if (firstErrors.length < 3) firstErrors.push(`${status} ${JSON.stringify(body).slice(0, 300)}`);
    } else if (typeof body === 'object' && (body.status === 'enrolled' || body.status === 'waitlisted')) {
      answered[body.status]++;
    }
  });
  return summarize(db, label, programId, o, n, timing, latencies, statuses, failed, answered, firstErrors);
}

/** The API's enrollment, the very statement it sends (libs/enrollment/src/seats.ts ENROLL). */
async function enrollDirect(client: PoolClient, programId: string, teen: Teen): Promise<'enrolled' | 'waitlisted'> {
  const placed = await client.query<{ status: 'enrolled' | 'waitlisted' }>(ENROLL, [programId, teen.participantId, 'self', teen.userId, 'user', null]);
  if (!placed.rows[0]) throw new Error('no place');
  return placed.rows[0].status;
}

/** One rush of the same transaction straight through `pg`, from a pool the size of the API's. */
async function baselineRound(db: Pool, pool: Pool, api: Api, branchId: string, o: Options, label: string, n: number): Promise<RoundResult> {
  const programId = await insertProgram(db, branchId, o.seats, `Bench ${label}`);
  const teens = await insertTeens(db, n);
  const latencies: number[] = [];
  const answered = { enrolled: 0, waitlisted: 0 };
  const firstErrors: string[] = [];
  let failed = 0;
  const timing = await rush(n, o.concurrency, api.child.pid, async (i) => {
    const started = performance.now();
    try {
      const client = await pool.connect();
      try {
        answered[await enrollDirect(client, programId, teens[i])]++;
      } finally {
        client.release();
      }
    } catch (error) {
      failed++;
      if (firstErrors.length < 3) firstErrors.push(String(error));
    }
    latencies.push(performance.now() - started);
  });
  return summarize(db, label, programId, o, n, timing, latencies, { committed: n - failed, failed }, failed, answered, firstErrors);
}

// ---------------------------------------------------------------------------------------------- the API process

// ---------------------------------------------------------------------------------------------- report

function printRound(kind: string, r: RoundResult): void {
  const verdict = r.pass ? 'PASS' : 'FAIL';
  console.info(
    `${kind.padEnd(8)} ${r.label.padEnd(10)} ${String(r.requestsPerSecond).padStart(8)}/s  p50 ${String(r.p50Ms).padStart(7)} ms  p99 ${String(r.p99Ms).padStart(7)} ms  failed ${r.failed}  cpu bench ${r.cpu.benchPercent}% api ${r.cpu.apiPercent ?? '?'}%  ${verdict}`,
  );
  for (const c of r.checks) if (!c.pass || !r.pass) console.info(`           ${c.pass ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
}

function medians(rounds: RoundResult[]) {
  return {
    requestsPerSecond: round1(median(rounds.map((r) => r.requestsPerSecond))),
    p50Ms: round1(median(rounds.map((r) => r.p50Ms))),
    p99Ms: round1(median(rounds.map((r) => r.p99Ms))),
    failed: rounds.reduce((sum, r) => sum + r.failed, 0),
  };
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const database = `codeshelf_bench_${randomBytes(6).toString('hex')}`;
  const benchUrl = withDatabase(o.databaseUrl, database);
  const jwtSecret = randomBytes(48).toString('base64url').slice(0, 64);
  const admin = new Client({ connectionString: o.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  console.info(`database ${database} created; teens ${o.teens}, seats ${o.seats}, concurrency ${o.concurrency}, rounds ${o.rounds}, warm-up ${o.warmup}, pool ${o.poolSize}`);

  let api: Api | undefined;
  let db: Pool | undefined;
  let pool: Pool | undefined;
  const stop = () => void stopApi(api);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const started = performance.now();
    api = await startApi(benchUrl, jwtSecret, o.poolSize);
    console.info(`API ready at ${api.baseUrl} (pid ${api.child.pid}) after ${Math.round(performance.now() - started)} ms, migrations applied`);

    db = new Pool({ connectionString: benchUrl, max: 2 });
    // The API's pool settings (libs/core/src/database/data-source.options.ts), with its defaults.
    const poolConfig: PoolConfig = {
      connectionString: benchUrl,
      max: o.poolSize,
      connectionTimeoutMillis: Number(process.env.DB_CONNECTION_TIMEOUT_MS ?? 5_000),
      statement_timeout: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 15_000),
      lock_timeout: Number(process.env.DB_LOCK_TIMEOUT_MS ?? 5_000),
      idle_in_transaction_session_timeout: Number(process.env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? 30_000),
      application_name: 'codeshelf-bench-baseline',
    };
    pool = new Pool(poolConfig);
    // An idle client that the final DROP … WITH (FORCE) terminates (pg-pool may still hold one after end()) is no failure.
    for (const p of [db, pool]) p.on('error', (error: Error & { code?: string }) => error.code === '57P01' || console.error(`idle client: ${error}`));
    const jwt = new JwtService({ secret: jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: 3600 } });
    const { rows } = await db.query<{ id: string }>(`INSERT INTO branch (name, timezone) VALUES ('Bench branch', 'America/Chicago') RETURNING id`);
    const branchId = rows[0].id;

    const warmups: RoundResult[] = [];
    if (o.warmup > 0) {
      const wo = { ...o, seats: Math.min(o.seats, o.warmup) };
      warmups.push(await apiRound(db, jwt, api, branchId, wo, 'warm-up', o.warmup));
      printRound('api', warmups[0]);
      warmups.push(await baselineRound(db, pool, api, branchId, wo, 'warm-up', o.warmup));
      printRound('baseline', warmups[1]);
    }
    // Rounds alternate API and baseline, so a noisy neighbour hurts both alike.
    const apiRounds: RoundResult[] = [];
    const baseRounds: RoundResult[] = [];
    for (let i = 1; i <= o.rounds; i++) {
      apiRounds.push(await apiRound(db, jwt, api, branchId, o, `round ${i}`, o.teens));
      printRound('api', apiRounds[apiRounds.length - 1]);
      baseRounds.push(await baselineRound(db, pool, api, branchId, o, `round ${i}`, o.teens));
      printRound('baseline', baseRounds[baseRounds.length - 1]);
    }

    const apiMedian = medians(apiRounds);
    const baseMedian = medians(baseRounds);
    const ratio = Math.round((apiMedian.requestsPerSecond / baseMedian.requestsPerSecond) * 1000) / 1000;
    const target = 0.6;
    const pass = [...warmups, ...apiRounds, ...baseRounds].every((r) => r.pass);

    console.info('');
    console.info(`median of ${o.rounds} rounds (${o.teens} teens, ${o.seats} seats, concurrency ${o.concurrency})`);
    console.info('             enrollments/s   p50 ms   p99 ms   failed');
    for (const [kind, m] of [
      ['API', apiMedian],
      ['baseline', baseMedian],
    ] as const) {
      console.info(`  ${kind.padEnd(10)} ${String(m.requestsPerSecond).padStart(13)} ${String(m.p50Ms).padStart(8)} ${String(m.p99Ms).padStart(8)} ${String(m.failed).padStart(8)}`);
    }
    console.info(`  API / baseline = ${ratio} (target ≥ ${target}: ${ratio >= target ? 'met' : 'NOT met'})`);
    console.info(`  seat checks: ${pass ? 'PASS' : 'FAIL'}`);

    const now = new Date();
    const result = {
      benchmark: 'enrollment-rush',
      at: now.toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadAverage: loadavg().map(round1),
        node: process.version,
        postgres: (await db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v,
      },
      options: { teens: o.teens, seats: o.seats, concurrency: o.concurrency, rounds: o.rounds, warmup: o.warmup, poolSize: o.poolSize },
      api: { warmup: warmups[0] ?? null, rounds: apiRounds, median: apiMedian },
      baseline: { warmup: warmups[1] ?? null, rounds: baseRounds, median: baseMedian },
      ratio,
      target,
      targetMet: ratio >= target,
      pass,
    };
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `enrollment-rush-${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.info(`results written to ${file.slice(ROOT.length + 1)}`);
    return pass ? 0 : 1;
  } catch (error) {
    console.error(error);
    if (api) console.error(`last API output:\n${api.output.slice(-30).join('\n')}`);
    return 1;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await stopApi(api);
    await pool?.end().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((error) => console.error(`could not drop ${database}: ${error}`));
    await admin.end();
    console.info(`database ${database} dropped, API stopped`);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
