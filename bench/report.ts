/**
 * Sponsor report speed on the large data set: `npm run bench:report [-- --requests 60 --rounds 3 --programs 600]`.
 *
 * Makes a fresh database under DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), loads it
 * with `npm run seed -- --scale large --programs 600` (timed; 600 programs make the issue's million attendance rows), starts the API in its own process (production mode, logs at
 * warn), and reads one sponsor's outcome report (the sponsor with the median number of sponsored programs)
 * with its own sponsor login, `--requests` times in a row per round, after a warm-up. Then it doubles every
 * other sponsor's data (a copy of each of their programs with its sessions, enrollments and attendance) and
 * measures again: the report must barely notice. Prints medians and p95s; writes bench/results/report-*.json.
 * Targets (the reporting issue): median < 100 ms, p95 < 200 ms, less than 20 % slower after the doubling.
 */
import { JwtService } from '@nestjs/jwt';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { type Api, median, percentile, ROOT, startApi, stopApi, withDatabase } from './support';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Runs the large seed as its own process, as a developer would; answers the seconds it took. */
function seedLarge(databaseUrl: string, programs: number): Promise<number> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), 'scripts/seed.ts', '--scale', 'large', '--programs', String(programs)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? done((Date.now() - started) / 1000) : fail(new Error(`the large seed exited with ${code}`))));
  });
}

/**
 * A copy of every program the sponsor does not sponsor, with its sessions (out of their rooms: the copies
 * meet at the same times), enrollments, attendance and sponsorships. The rows repeat ones that passed every
 * check, so the row triggers are skipped for the copy (session_replication_role); constraints still apply.
 */
async function doubleOthers(db: Pool, sponsorId: string): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(
      `CREATE TEMP TABLE pmap ON COMMIT DROP AS SELECT id AS old_id, gen_random_uuid() AS new_id FROM program
        WHERE id NOT IN (SELECT program_id FROM sponsorship WHERE sponsor_id = $1)`,
      [sponsorId],
    );
    await client.query(`INSERT INTO program (id, branch_id, title, description, level, min_age, max_age, capacity, starts_on, ends_on, enrollment_opens_at,
                               enrollment_closes_at, waitlist_enabled, completion_threshold, status, published_at, enrolled_count, waitlisted_count)
      SELECT m.new_id, p.branch_id, p.title || ' (copy)', p.description, p.level, p.min_age, p.max_age, p.capacity, p.starts_on, p.ends_on, p.enrollment_opens_at,
             p.enrollment_closes_at, p.waitlist_enabled, p.completion_threshold, p.status, p.published_at, p.enrolled_count, p.waitlisted_count
        FROM program p JOIN pmap m ON m.old_id = p.id`);
    await client.query(`CREATE TEMP TABLE smap ON COMMIT DROP AS SELECT s.id AS old_id, gen_random_uuid() AS new_id, m.new_id AS program_id
                          FROM session s JOIN pmap m ON m.old_id = s.program_id`);
    await client.query(`INSERT INTO session (id, program_id, starts_at, ends_at, topic, status, cancel_reason, sequence)
      SELECT sm.new_id, sm.program_id, s.starts_at, s.ends_at, s.topic, s.status, s.cancel_reason, s.sequence FROM session s JOIN smap sm ON sm.old_id = s.id`);
    await client.query(`INSERT INTO enrollment (program_id, participant_id, status, waitlist_position, source, enrolled_at, withdrawn_at, created_at)
      SELECT m.new_id, e.participant_id, e.status, e.waitlist_position, e.source, e.enrolled_at, e.withdrawn_at, e.created_at FROM enrollment e JOIN pmap m ON m.old_id = e.program_id`);
    await client.query(`INSERT INTO attendance (session_id, participant_id, status, note, method, checked_in_at, recorded_by)
      SELECT sm.new_id, a.participant_id, a.status, a.note, a.method, a.checked_in_at, a.recorded_by FROM attendance a JOIN smap sm ON sm.old_id = a.session_id`);
    await client.query(`INSERT INTO sponsorship (sponsor_id, program_id, starts_on, ends_on, amount)
      SELECT s.sponsor_id, m.new_id, s.starts_on, s.ends_on, s.amount FROM sponsorship s JOIN pmap m ON m.old_id = s.program_id`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  await db.query('VACUUM ANALYZE');
}

async function counts(db: Pool) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM program)::int AS programs, (SELECT count(*) FROM session)::int AS sessions,
            (SELECT count(*) FROM participant)::int AS teens, (SELECT count(*) FROM attendance)::int AS attendance, (SELECT count(*) FROM sponsor)::int AS sponsors`,
  );
  return rows[0];
}

/** `requests` reads in a row (a dashboard refreshing), after `warmup` unmeasured ones; latencies in ms. */
async function measure(url: string, token: string, requests: number, warmup: number): Promise<{ medianMs: number; p95Ms: number }> {
  const read = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    await response.text();
    if (response.status !== 200) throw new Error(`the report answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < warmup; i++) await read();
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) latencies.push(await read());
  latencies.sort((a, b) => a - b);
  return { medianMs: round1(median(latencies)), p95Ms: round1(percentile(latencies, 95)) };
}

async function main(): Promise<number> {
  const requests = option('requests', 60);
  const rounds = option('rounds', 3);
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `codeshelf_bench_report_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const databaseUrl = withDatabase(serverUrl, database);
  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  let api: Api | undefined;
  try {
    const seedSeconds = await seedLarge(databaseUrl, option('programs', 600));
    const before = await counts(db);
    console.info(`large seed: ${round1(seedSeconds)} s — ${JSON.stringify(before)}`);
    await db.query('VACUUM ANALYZE');
    const { rows: bySponsor } = await db.query(`SELECT sponsor_id, count(*)::int AS n FROM sponsorship GROUP BY sponsor_id ORDER BY n, sponsor_id`);
    const target = bySponsor[Math.floor(bySponsor.length / 2)];
    const { rows: user } = await db.query(
      `INSERT INTO user_account (email, password_hash, role, display_name, sponsor_id) VALUES ($1, 'not-a-hash', 'sponsor', 'Bench sponsor', $2) RETURNING id`,
      [`bench-${database}@bench.codeshelf.test`, target.sponsor_id],
    );
    const secret = randomBytes(48).toString('hex');
    const token = await new JwtService({ secret, signOptions: { algorithm: 'HS256', expiresIn: 3600 } }).signAsync({ sub: user[0].id, role: 'sponsor' });
    api = await startApi(databaseUrl, secret, 10);
    const url = `${api.baseUrl}/v1/reports/sponsors/${target.sponsor_id}/outcomes`;
    const first: { medianMs: number; p95Ms: number }[] = [];
    for (let r = 0; r < rounds; r++) first.push(await measure(url, token, requests, r === 0 ? 20 : 5));
    console.info(`sponsor ${target.sponsor_id} (${target.n} programs): ${first.map((m) => `median ${m.medianMs} ms, p95 ${m.p95Ms} ms`).join(' | ')}`);

    const doubleStarted = Date.now();
    await doubleOthers(db, target.sponsor_id);
    const after = await counts(db);
    console.info(`other sponsors' data doubled in ${round1((Date.now() - doubleStarted) / 1000)} s — ${JSON.stringify(after)}`);
    const second: { medianMs: number; p95Ms: number }[] = [];
    for (let r = 0; r < rounds; r++) second.push(await measure(url, token, requests, r === 0 ? 20 : 5));
    console.info(`after doubling: ${second.map((m) => `median ${m.medianMs} ms, p95 ${m.p95Ms} ms`).join(' | ')}`);

    const summary = (ms: { medianMs: number; p95Ms: number }[]) => ({ medianMs: median(ms.map((m) => m.medianMs)), p95Ms: median(ms.map((m) => m.p95Ms)) });
    const [s1, s2] = [summary(first), summary(second)];
    const change = round1(((s2.medianMs - s1.medianMs) / s1.medianMs) * 100);
    const met = s1.medianMs < 100 && s1.p95Ms < 200 && change < 20;
    console.info(`\nmedian of ${rounds} rounds of ${requests} reads: ${s1.medianMs} ms (p95 ${s1.p95Ms} ms); after doubling the others: ${s2.medianMs} ms (p95 ${s2.p95Ms} ms), ${change >= 0 ? '+' : ''}${change} %`);
    console.info(`targets (median < 100 ms, p95 < 200 ms, < 20 % change): ${met ? 'met' : 'NOT met'}`);
    const at = new Date();
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `report-${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ benchmark: 'report', at, machine: { cpus: cpus().length, loadAverage: loadavg().map(round1), node: process.version }, seedSeconds: round1(seedSeconds), before, after, sponsor: target, options: { requests, rounds }, rounds: { first, second }, summary: { first: s1, afterDoubling: s2, changePercent: change }, targetsMet: met }, null, 2)}\n`,
    );
    console.info(`results written to ${file.slice(ROOT.length + 1)}`);
    return 0;
  } catch (error) {
    console.error(error);
    if (api) console.error(`last API output:\n${api.output.slice(-30).join('\n')}`);
    return 1;
  } finally {
    await stopApi(api);
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
