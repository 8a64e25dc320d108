import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { expectEnrollmentsWhole } from '../support/enrollment-consistency';
import { insertTeens, publishedProgram, type Teen } from '../support/enrollment-factories';
import { exited, type RunningApi, startApi, until } from '../support/processes';

const SECRET = 'resilience-test-secret-0123456789abcdef';
const TEENS_EACH = 150;

interface Answer {
  teen: Teen;
  status: number | 'error';
  body?: { id?: string; code?: string };
}

/**
 * Two API processes on one database; one is killed with SIGKILL in the middle of an enrollment rush. Every
 * request either completed or left nothing behind, and the other process kept answering.
 */
describe('An API process killed mid-rush (two real processes, one database)', () => {
  let fixtures: NestFastifyApplication;
  let db: DataSource;
  const apis: RunningApi[] = [];
  const previousSecret = process.env.JWT_SECRET;

  beforeAll(async () => {
    // The children verify the teens' tokens: all three processes sign with one secret.
    process.env.JWT_SECRET = SECRET;
    fixtures = await startTestApp();
    db = fixtures.get(DataSource);
    // Waits stay well inside these while the test holds the program's row for a moment.
    const env = { DATABASE_URL: process.env.DATABASE_URL!, JWT_SECRET: SECRET, DB_MIGRATE_ON_START: 'false', DB_LOCK_TIMEOUT_MS: '20000', DB_CONNECTION_TIMEOUT_MS: '20000' };
    // One after the other, so that afterAll finds the first if the second fails to start.
    for (let i = 0; i < 2; i++) apis.push(await startApi(env));
  }, 120_000);

  afterAll(async () => {
    for (const api of apis) api.child.kill('SIGKILL');
    await Promise.all(apis.map((api) => exited(api.child)));
    await fixtures?.close();
    if (previousSecret === undefined) delete process.env.JWT_SECRET;
    else process.env.JWT_SECRET = previousSecret;
  });

  const enroll = async (url: string, programId: string, teen: Teen): Promise<Answer> => {
    try {
      const res = await fetch(`${url}/v1/programs/${programId}/enrollments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${teen.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `rush-${teen.participantId}` },
        body: '{}',
        signal: AbortSignal.timeout(20_000),
      });
      return { teen, status: res.status, body: await res.json() };
    } catch {
      return { teen, status: 'error' };
    }
  };

  /** Sends each teen's enrollment to `url`, `concurrency` at a time; calls `onAnswer` after each. */
  async function rush(url: string, programId: string, teens: Teen[], concurrency: number, onAnswer: (answers: Answer[]) => void): Promise<Answer[]> {
    const answers: Answer[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < teens.length) {
          answers.push(await enroll(url, programId, teens[next++]));
          onAnswer(answers);
        }
      }),
    );
    return answers;
  }

  /**
   * Holds the program's row so that the doomed process's requests stop inside the ENROLL statement with their
   * Idempotency-Keys claimed, and kills the process there: what becomes of those statements is up to PostgreSQL.
   */
  async function killMidEnrollment(doomed: RunningApi, programId: string, keys: string[]): Promise<void> {
    const locker = new Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM program WHERE id = $1 FOR UPDATE', [programId]);
      const claimed = async () => (await db.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = ANY($1) AND state = 'in_flight'`, [keys]))[0].n >= 3;
      await until(claimed, 'the doomed process holding claimed keys', doomed.output, 20_000);
      doomed.child.kill('SIGKILL');
      await exited(doomed.child);
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }
  }

  it('every 201 has its whole enrollment, an interrupted one is whole or absent, the survivor answers every request, a stranded key frees after its lease', async () => {
    const { program } = await publishedProgram(fixtures, { capacity: 40 });
    const teens = await insertTeens(fixtures, TEENS_EACH * 2);
    const [doomed, survivor] = apis;

    // The doomed process is killed once it has answered a third of its share: it dies with requests in flight.
    let killed: Promise<void> | undefined;
    const doomedKeys = teens.slice(0, TEENS_EACH).map((t) => `rush-${t.participantId}`);
    const [toDoomed, toSurvivor] = await Promise.all([
      rush(doomed.url, program.id, teens.slice(0, TEENS_EACH), 12, (answers) => {
        if (answers.length === TEENS_EACH / 3) killed = killMidEnrollment(doomed, program.id, doomedKeys);
      }),
      rush(survivor.url, program.id, teens.slice(TEENS_EACH), 12, () => undefined),
    ]);
    await killed;

    expect(toSurvivor.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
    const interrupted = toDoomed.filter((a) => a.status === 'error');
    expect(interrupted.length).toBeGreaterThan(0);
    expect(toDoomed.map((a) => a.status).filter((s) => s !== 201 && s !== 'error')).toEqual([]);

    const state = await expectEnrollmentsWhole((sql, params) => db.query(sql, params), program.id);
    for (const answer of [...toDoomed, ...toSurvivor].filter((a) => a.status === 201)) expect(state.ids.has(answer.body!.id!)).toBe(true);

    // Keys the doomed process claimed and never finished: once their lease lapses (here: moved into the past),
    // a retry on the survivor gets the enrollment. An enrollment that committed stored its answer with it, so
    // no retry is told "already enrolled".
    const [{ stranded }] = await db.query(`SELECT count(*)::int AS stranded FROM idempotency_key WHERE state = 'in_flight'`);
    expect(stranded).toBeGreaterThan(0);
    await db.query(`UPDATE idempotency_key SET locked_until = now() - interval '1 second' WHERE state = 'in_flight'`);
    const retries = await Promise.all(interrupted.map((a) => enroll(survivor.url, program.id, a.teen)));
    expect(retries.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    // Every teen now holds exactly one enrollment: none was lost with the process, none written twice.
    const after = await expectEnrollmentsWhole((sql, params) => db.query(sql, params), program.id);
    expect(after.participants.length).toBe(TEENS_EACH * 2);
    expect((await fetch(`${survivor.url}/health/ready`)).status).toBe(200);
  }, 120_000);
});
