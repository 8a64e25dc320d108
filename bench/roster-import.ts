/**
 * Issue 22's target: "5,000 rows import in under 10 s". `npm run bench:roster [-- --rounds 5 --rows 5000 --existing 20000]`
 * (not part of npm test; it builds first). A fresh database `codeshelf_bench_<random>` under DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), migrated with `scripts/db.ts migrate` in its own process,
 * then `--existing` teens in one INSERT … SELECT generate_series (so the duplicate lookup reads a realistic
 * table), a branch, a coordinator of it (a token signed with the API's secret), a partner school, and per round
 * a published program (capacity above the roster, waitlist on, ages 13–20). The built API runs in a process of
 * its own (bench/support.ts startApi). Each round, with last names no earlier round used (every row is new):
 *   a. baseline: the same number of teens inserted by one raw INSERT … SELECT FROM jsonb_to_recordset from this
 *      process through pg: no validation, no duplicate lookup, no consent links, mails or audit — the floor;
 *   b. POST /v1/branches/{id}/roster-imports of a CSV of mostly minors (each gets a consent link and mail),
 *      no programId, each row's school named in the file;
 *   c. the same of adults (19–20, consent granted) with schoolId and programId: every row enrolled;
 *   d. b's CSV again: every row matched, nothing created.
 * Per scenario: median, min, max ms, the ratio to the baseline's median, rows/s. Every answer is checked (201
 * and the counts). Written to bench/results/roster-import-<time>.json. Exit code 1 if a check fails or a
 * median is ≥ 10,000 ms. The database is dropped at the end, even after a failure.
 */
import { JwtService } from '@nestjs/jwt';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { type Api, median, peakRssMiB, processCpuSeconds, ROOT, startApi, stopApi, withDatabase } from './support';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const o = {
  rounds: Number(option('rounds', '5')),
  rows: Number(option('rows', '5000')),
  existing: Number(option('existing', '20000')),
  /** Of scenario b's rows, one in this many is an adult (18–19); the rest are minors (13–17). */
  adultEvery: 10,
  targetMs: 10_000,
  poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

type ScenarioId = 'a' | 'b' | 'c' | 'd';
const NAMES: Record<ScenarioId, string> = {
  a: 'baseline: one raw INSERT … SELECT FROM jsonb_to_recordset (pg, no checks)',
  b: 'API import, mostly minors (consent link + mail each), no programId',
  c: 'API import, adults, schoolId + programId (every row enrolled)',
  d: "API import of b's CSV again (every row matched)",
};

interface Check {
  name: string;
  pass: boolean;
  detail: string;
}
interface Run {
  round: number;
  ms: number;
  status?: number;
  apiCpuMs?: number | null;
  checks: Check[];
}

/** `npm run db:migrate` against the bench database, as its own process. */
function migrate(databaseUrl: string): Promise<number> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), 'scripts/db.ts', 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? done((Date.now() - started) / 1000) : fail(new Error(`the migrations exited with ${code}`))));
  });
}

/** YYYY-MM-DD, `days` from today (UTC). */
function dayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
}

/** A birth date `age` whole years ago, less up to `spread` days more: the teen is `age` today (spread < 365). */
function birthDate(age: number, extraDays: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate() - 1 - extraDays)).toISOString().slice(0, 10);
}

interface Teen {
  firstName: string;
  lastName: string;
  birthDate: string;
  grade: number;
  guardianName: string;
  guardianEmail: string;
  language: 'en' | 'es';
  minor: boolean;
}

const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jamal', 'Kira', 'Luis', 'Mina', 'Noah', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq'];

/**
 * `n` teens no earlier round used: every last name carries the round's tag. `adults`: all 19–20 (the program's
 * oldest, still ≤ 20 on its first day); otherwise one in `adultEvery` is 18–19 and the rest 13–17.
 */
function teens(tag: string, n: number, adults: boolean): Teen[] {
  return Array.from({ length: n }, (_, i) => {
    const adult = adults || i % o.adultEvery === 0;
    const age = adults ? 19 : adult ? 18 : 13 + (i % 5);
    return {
      firstName: FIRST_NAMES[i % FIRST_NAMES.length],
      lastName: `Bench${tag}n${i}`,
      // Spread over 300 days of the year; the program starts in 30 days, so a 19-year-old is at most 20 then.
      birthDate: birthDate(age, (i * 7) % 300),
      grade: adults ? 12 : 7 + (i % 6),
      guardianName: `Guardian ${tag} ${i}`,
      guardianEmail: `guardian.${tag.toLowerCase()}.${i}@example.org`,
      language: i % 3 === 0 ? 'es' : 'en',
      minor: !adult,
    };
  });
}

function csvOf(rows: Teen[], school: string | null): string {
  const header = ['first_name', 'last_name', 'birth_date', ...(school ? ['school'] : []), 'grade', 'guardian_name', 'guardian_email', 'language'];
  const lines = rows.map((t) => [t.firstName, t.lastName, t.birthDate, ...(school ? [school] : []), String(t.grade), t.guardianName, t.guardianEmail, t.language].join(','));
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** The floor: the same teens, as the columns the import writes, in one statement with nothing else. */
const BASELINE_INSERT = `
INSERT INTO participant (first_name, last_name, birth_date, school, school_id, grade, guardian_name, guardian_email, guardian_language,
                         home_branch_id, consent_status, consent_granted_at)
SELECT first_name, last_name, birth_date, school, school_id, grade, guardian_name, guardian_email, guardian_language,
       home_branch_id, consent_status, CASE WHEN consent_status = 'granted' THEN now() END
  FROM jsonb_to_recordset($1::jsonb) AS r(first_name text, last_name text, birth_date date, school text, school_id uuid, grade int,
       guardian_name text, guardian_email text, guardian_language text, home_branch_id uuid, consent_status text)`;

interface RosterAnswer {
  rows: number;
  created: number;
  matched: number;
  knownElsewhere: number;
  skipped: number;
  consentMails: number;
  enrollment: { enrolled: number; offered: number; waitlisted: number; awaitingConsent: number; notEnrolled: number } | null;
  results: unknown[];
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
  // An idle client ended under us (the database dropped WITH (FORCE) at the end) must not crash the run.
  db.on('error', (error) => console.error(`bench pool: ${error.message}`));
  const loadBefore = loadavg().map(round1);
  let api: Api | undefined;
  try {
    const migrateSeconds = await migrate(databaseUrl);
    const [branch] = (await db.query<{ id: string }>(`INSERT INTO branch (name, timezone) VALUES ('Bench Central Library', 'America/Chicago') RETURNING id`)).rows;
    const [other] = (await db.query<{ id: string }>(`INSERT INTO branch (name, timezone) VALUES ('Bench North Library', 'America/Chicago') RETURNING id`)).rows;
    const [school] = (
      await db.query<{ id: string; name: string }>(`INSERT INTO school (branch_id, name) VALUES ($1, 'Lincoln Middle School') RETURNING id, name`, [branch.id])
    ).rows;
    await db.query(`INSERT INTO school (branch_id, name) VALUES ($1, 'Roosevelt High School'), ($1, 'Jefferson Academy')`, [branch.id]);
    const [coordinator] = (
      await db.query<{ id: string }>(
        `INSERT INTO user_account (email, password_hash, role, display_name) VALUES ($1, 'not-a-hash', 'coordinator', 'Bench coordinator') RETURNING id`,
        [`bench-coordinator-${randomBytes(4).toString('hex')}@bench.codeshelf.invalid`],
      )
    ).rows;
    await db.query(`INSERT INTO coordinator_branch (user_id, branch_id) VALUES ($1, $2)`, [coordinator.id, branch.id]);
    const token = jwt.sign({ sub: coordinator.id, role: 'coordinator' });

    // Teens already known, at both branches: 2,000 last names × 20 first names, so a lookup by name finds a few
    // rows of the same name now and then (not these: every roster's last names are new).
    const existingStarted = Date.now();
    await db.query(
      `INSERT INTO participant (first_name, last_name, birth_date, school, grade, guardian_name, guardian_email, guardian_language, home_branch_id,
                                consent_status, consent_granted_at, created_at)
       SELECT (ARRAY[${FIRST_NAMES.map((n) => `'${n}'`).join(',')}])[1 + i % 20], 'Family' || (i % 2000), current_date - (4745 + i % 1800),
              'Lincoln Middle School', 7 + i % 6, 'Guardian ' || i, 'guardian.existing.' || i || '@example.org', CASE WHEN i % 3 = 0 THEN 'es' ELSE 'en' END,
              CASE WHEN i % 4 = 0 THEN $3::uuid ELSE $2::uuid END, CASE WHEN i % 5 = 0 THEN 'pending' ELSE 'granted' END,
              CASE WHEN i % 5 = 0 THEN NULL ELSE now() END, now() - make_interval(days => i % 700)
         FROM generate_series(1, $1) i`,
      [o.existing, branch.id, other.id],
    );
    await db.query('VACUUM ANALYZE');
    const existingSeconds = (Date.now() - existingStarted) / 1000;
    console.info(`database ${database}: migrated in ${round1(migrateSeconds)} s; ${o.existing} existing teens in ${round1(existingSeconds)} s; load average ${loadBefore.join(' ')}`);

    api = await startApi(databaseUrl, jwtSecret, o.poolSize);
    const apiStartRssMiB = peakRssMiB(api.child.pid);
    const apiUrl = api.baseUrl;

    const post = async (query: Record<string, string>, csv: string) => {
      const cpuBefore = processCpuSeconds(api!.child.pid);
      const started = performance.now();
      const response = await fetch(`${apiUrl}/v1/branches/${branch.id}/roster-imports?${new URLSearchParams(query)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      });
      const text = await response.text();
      const ms = performance.now() - started;
      const cpuAfter = processCpuSeconds(api!.child.pid);
      let body: RosterAnswer | undefined;
      try {
        body = JSON.parse(text) as RosterAnswer;
      } catch {
        body = undefined;
      }
      return { ms, status: response.status, body, text, apiCpuMs: cpuBefore === null || cpuAfter === null ? null : Math.round((cpuAfter - cpuBefore) * 1000) };
    };
    const expect = (checks: Check[], name: string, actual: unknown, expected: unknown) =>
      checks.push({ name, pass: JSON.stringify(actual) === JSON.stringify(expected), detail: `${JSON.stringify(actual)}${JSON.stringify(actual) === JSON.stringify(expected) ? '' : ` (expected ${JSON.stringify(expected)})`}` });
    const answerChecks = (r: Awaited<ReturnType<typeof post>>, expected: Partial<Record<keyof RosterAnswer, unknown>>): Check[] => {
      const checks: Check[] = [];
      expect(checks, 'HTTP status', r.status, 201);
      if (r.status !== 201 || !r.body) {
        checks.push({ name: 'answer', pass: false, detail: r.text.slice(0, 2000) });
        return checks;
      }
      for (const [key, value] of Object.entries(expected)) expect(checks, key, r.body[key as keyof RosterAnswer], value);
      expect(checks, 'results', r.body.results.length, o.rows);
      return checks;
    };

    const runs: Record<ScenarioId, Run[]> = { a: [], b: [], c: [], d: [] };
    let pass = true;
    for (let round = 1; round <= o.rounds; round++) {
      const tag = `R${round}${randomBytes(3).toString('hex').toUpperCase()}`;
      const year = new Date().getUTCFullYear();
      const [program] = (
        await db.query<{ id: string }>(
          `INSERT INTO program (branch_id, title, level, min_age, max_age, capacity, starts_on, ends_on, waitlist_enabled, status, published_at)
           VALUES ($1, $2, 'beginner', 13, 20, $3, $4, $5, true, 'published', now()) RETURNING id`,
          [branch.id, `Bench roster program ${round} (${year})`, o.rows * 2, dayFromToday(30), dayFromToday(150)],
        )
      ).rows;

      // a. The floor: the teens of b, under their own last names (b must find them new), straight into the table.
      const floorTeens = teens(`${tag}A`, o.rows, false);
      {
        const started = performance.now();
        const rows = floorTeens.map((t) => ({
          first_name: t.firstName,
          last_name: t.lastName,
          birth_date: t.birthDate,
          school: school.name,
          school_id: school.id,
          grade: t.grade,
          guardian_name: t.guardianName,
          guardian_email: t.guardianEmail,
          guardian_language: t.language,
          home_branch_id: branch.id,
          consent_status: t.minor ? 'pending' : 'granted',
        }));
        const result = await db.query(BASELINE_INSERT, [JSON.stringify(rows)]);
        const ms = performance.now() - started;
        const checks: Check[] = [];
        expect(checks, 'rows inserted', result.rowCount, o.rows);
        runs.a.push({ round, ms, checks });
      }

      // b. Mostly minors, each row naming its school.
      const minors = teens(`${tag}B`, o.rows, false);
      const minorsCsv = csvOf(minors, school.name);
      const mails = minors.filter((t) => t.minor).length;
      {
        const r = await post({}, minorsCsv);
        const checks = answerChecks(r, { rows: o.rows, created: o.rows, matched: 0, knownElsewhere: 0, skipped: 0, consentMails: mails, enrollment: null });
        if (r.status === 201) {
          const [counted] = (
            await db.query<{ teens: number; pending: number; links: number }>(
              `SELECT count(*)::int AS teens, count(*) FILTER (WHERE consent_status = 'pending')::int AS pending,
                      (SELECT count(*)::int FROM guardian_consent_token t JOIN participant q ON q.id = t.participant_id WHERE q.last_name LIKE $1) AS links
                 FROM participant WHERE last_name LIKE $1`,
              [`Bench${tag}Bn%`],
            )
          ).rows;
          expect(checks, 'in SQL: teens, pending, consent links', counted, { teens: o.rows, pending: mails, links: mails });
        }
        runs.b.push({ round, ms: r.ms, status: r.status, apiCpuMs: r.apiCpuMs, checks });
      }

      // c. Adults, the school given once, every teen enrolled in the round's program.
      {
        const r = await post({ schoolId: school.id, programId: program.id }, csvOf(teens(`${tag}C`, o.rows, true), null));
        const checks = answerChecks(r, {
          rows: o.rows,
          created: o.rows,
          matched: 0,
          skipped: 0,
          consentMails: 0,
          enrollment: { programId: program.id, enrolled: o.rows, offered: 0, waitlisted: 0, awaitingConsent: 0, notEnrolled: 0 },
        });
        const [seats] = (
          await db.query<{ enrolled_count: number; rows: number }>(
            `SELECT p.enrolled_count, (SELECT count(*)::int FROM enrollment e WHERE e.program_id = p.id AND e.status = 'enrolled') AS rows FROM program p WHERE p.id = $1`,
            [program.id],
          )
        ).rows;
        expect(checks, 'in SQL: enrolled_count, enrolled rows', seats, { enrolled_count: o.rows, rows: o.rows });
        runs.c.push({ round, ms: r.ms, status: r.status, apiCpuMs: r.apiCpuMs, checks });
      }

      // d. b's roster again: every teen is found, none is created, no mail goes out.
      {
        const r = await post({}, minorsCsv);
        const checks = answerChecks(r, { rows: o.rows, created: 0, matched: o.rows, knownElsewhere: 0, skipped: 0, consentMails: 0, enrollment: null });
        runs.d.push({ round, ms: r.ms, status: r.status, apiCpuMs: r.apiCpuMs, checks });
      }

      for (const id of ['a', 'b', 'c', 'd'] as const) {
        const run = runs[id][runs[id].length - 1];
        const failed = run.checks.filter((c) => !c.pass);
        if (failed.length) pass = false;
        console.info(
          `  round ${round} ${id}. ${String(Math.round(run.ms)).padStart(6)} ms${run.apiCpuMs != null ? `  (API CPU ${run.apiCpuMs} ms)` : ''}  ${failed.length ? `FAIL ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}` : 'checks PASS'}`,
        );
      }
    }

    const apiPeakRssMiB = peakRssMiB(api.child.pid);
    const baselineMedian = median(runs.a.map((r) => r.ms));
    const summary = (['a', 'b', 'c', 'd'] as const).map((id) => {
      const ms = runs[id].map((r) => r.ms);
      const med = median(ms);
      const cpu = runs[id].map((r) => r.apiCpuMs).filter((c): c is number => typeof c === 'number');
      return {
        scenario: id,
        name: NAMES[id],
        medianMs: Math.round(med),
        minMs: Math.round(Math.min(...ms)),
        maxMs: Math.round(Math.max(...ms)),
        ratioToBaseline: round1(med / baselineMedian),
        rowsPerSecond: Math.round(o.rows / (med / 1000)),
        apiCpuMedianMs: cpu.length ? Math.round(median(cpu)) : null,
        underTarget: med < o.targetMs,
      };
    });
    const slow = summary.filter((s) => !s.underTarget);
    if (slow.length) pass = false;

    const at = new Date();
    console.info(`\nCodeshelf roster import ${at.toISOString()} — ${cpus().length} × ${cpus()[0]?.model}, load average ${loadBefore.join(' ')} at the start, ${loadavg().map(round1).join(' ')} at the end`);
    console.info(`${o.rows} rows per import, ${o.existing} teens there before the first round, median of ${o.rounds} rounds (a, b, c, d in turn), pool ${o.poolSize}\n`);
    console.info(`| scenario | median ms | min ms | max ms | ÷ baseline | rows/s | API CPU ms (median) | target < ${o.targetMs} ms |`);
    console.info('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const s of summary) {
      console.info(
        `| ${s.scenario}. ${s.name} | ${s.medianMs} | ${s.minMs} | ${s.maxMs} | ${s.scenario === 'a' ? '1' : round2(s.ratioToBaseline)} | ${s.rowsPerSecond} | ${s.apiCpuMedianMs ?? '–'} | ${s.underTarget ? 'met' : '**missed**'} |`,
      );
    }
    console.info(`\nAPI peak RSS (VmHWM): ${apiPeakRssMiB} MiB (${apiStartRssMiB} MiB once started). Answer checks: ${Object.values(runs).flat().every((r) => r.checks.every((c) => c.pass)) ? 'all PASS' : 'FAIL'}.`);

    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `roster-import-${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`);
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage: { start: loadBefore, end: loadavg().map(round1) }, node: process.version };
    const [{ participants }] = (await db.query<{ participants: number }>(`SELECT count(*)::int AS participants FROM participant`)).rows;
    writeFileSync(
      file,
      `${JSON.stringify({ benchmark: 'roster-import', at, machine, options: o, migrateSeconds: round1(migrateSeconds), participantsAtEnd: participants, apiPeakRssMiB, apiStartRssMiB, pass, summary, runs }, null, 2)}\n`,
    );
    console.info(`results written to ${file.slice(ROOT.length + 1)}`);
    if (slow.length) console.info(`FAIL: median ≥ ${o.targetMs} ms: ${slow.map((s) => s.scenario).join(', ')}`);
    return pass ? 0 : 1;
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
