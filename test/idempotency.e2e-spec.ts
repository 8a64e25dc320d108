import { IdempotencyService } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram } from './support/enrollment-factories';
import { bearer } from './support/identity';

const WEEKLY = { rrule: 'FREQ=WEEKLY;BYDAY=TU', startTime: '16:00', durationMinutes: 60 };

/**
 * Rule 11 where it is hardest: the stored answer commits with the business write, so neither a failure right
 * after that commit nor a claim whose lease lapsed while its request still ran can make a retry run it twice.
 */
describe('Idempotency-Key and the business transaction (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  afterEach(() => jest.restoreAllMocks());

  /** The step the interceptor takes once the handler (and so its transaction) is done fails, once. */
  const failAfterCommit = () => jest.spyOn(app.get(IdempotencyService), 'finish').mockRejectedValueOnce(new Error('fault injected after the commit'));

  /** Backends of this database waiting for a lock. */
  const lockWaiters = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n as number;
  async function until(check: () => Promise<boolean>): Promise<void> {
    while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Holds the program's row while `during` runs, so that requests on the program stop inside their transaction. */
  async function holdingProgram(programId: string, during: () => Promise<void>): Promise<void> {
    const locker = new Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM program WHERE id = $1 FOR UPDATE', [programId]);
      await during();
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }
  }

  /** Lets the key's lease lapse, as if 30 s had passed while its request still ran. */
  const lapse = (key: string) => db.query(`UPDATE idempotency_key SET locked_until = now() - interval '1 second' WHERE key = $1`, [key]);

  describe('enrollment', () => {
    const enroll = (teen: { token: string }, programId: string, key: string) =>
      request(http).post(`/v1/programs/${programId}/enrollments`).set(bearer(teen)).set('Idempotency-Key', key).send({});

    it('a retry after a failure past the enrollment’s commit gets the stored 201, not already-enrolled', async () => {
      const { program } = await publishedProgram(app, { capacity: 5 });
      const [teen] = await insertTeens(app, 1);
      failAfterCommit();
      await enroll(teen, program.id, 'after-commit').expect(500);
      const retry = await enroll(teen, program.id, 'after-commit').expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toMatchObject({ participantId: teen.participantId, status: 'enrolled' });
      expect(await db.query(`SELECT id FROM enrollment WHERE program_id = $1`, [program.id])).toEqual([{ id: retry.body.id }]);
    });

    it('a claim that lapses while its enrollment still runs: one enrollment, and the retry gets its 201', async () => {
      const { program } = await publishedProgram(app, { capacity: 5 });
      const [teen] = await insertTeens(app, 1);
      let first!: Promise<request.Response>;
      let second!: Promise<request.Response>;
      await holdingProgram(program.id, async () => {
        first = enroll(teen, program.id, 'slow-seat').then((r) => r);
        await until(async () => (await lockWaiters()) >= 1);
        await lapse('slow-seat');
        second = enroll(teen, program.id, 'slow-seat').then((r) => r);
        await until(async () => (await lockWaiters()) >= 2);
      });
      const answers = await Promise.all([first, second]);
      const created = answers.filter((a) => a.status === 201);
      expect(created).toHaveLength(1);
      // The run that lost its claim wrote nothing and says so: its key is another request's now.
      expect(answers.find((a) => a.status !== 201)?.body.code).toBe('idempotency-key-in-flight');
      const replay = await enroll(teen, program.id, 'slow-seat').expect(201);
      expect(replay.body).toEqual(created[0].body);
      expect(await db.query(`SELECT id FROM enrollment WHERE program_id = $1`, [program.id])).toEqual([{ id: created[0].body.id }]);
    });
  });

  describe('series', () => {
    const makeSeries = (coordinator: { token: string }, programId: string, key: string) =>
      request(http).post(`/v1/programs/${programId}/series`).set(bearer(coordinator)).set('Idempotency-Key', key).send(WEEKLY);
    const sessionsOf = async (programId: string) => (await db.query(`SELECT count(*)::int AS n FROM session WHERE program_id = $1`, [programId]))[0].n as number;

    it('a series retried with its Idempotency-Key (no room) makes its sessions once and replays the first answer', async () => {
      const { program, coordinator } = await publishedProgram(app);
      const first = await makeSeries(coordinator, program.id, 'series-1').expect(201);
      expect(first.body.created.length).toBeGreaterThan(10);
      const replay = await makeSeries(coordinator, program.id, 'series-1').expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect(await sessionsOf(program.id)).toBe(first.body.created.length);
      const misuse = await request(http)
        .post(`/v1/programs/${program.id}/series`)
        .set(bearer(coordinator))
        .set('Idempotency-Key', 'series-1')
        .send({ ...WEEKLY, startTime: '17:00' })
        .expect(422);
      expect(misuse.body.code).toBe('idempotency-key-reused');
    });

    it('a retry after a failure past the series’ commit gets the stored 201, and the sessions are made once', async () => {
      const { program, coordinator } = await publishedProgram(app);
      failAfterCommit();
      await makeSeries(coordinator, program.id, 'series-after-commit').expect(500);
      const retry = await makeSeries(coordinator, program.id, 'series-after-commit').expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await sessionsOf(program.id)).toBe(retry.body.created.length);
    });

    it('a claim that lapses while its series still runs: the sessions are made once, and the retry gets that 201', async () => {
      const { program, coordinator } = await publishedProgram(app);
      let first!: Promise<request.Response>;
      let second!: Promise<request.Response>;
      await holdingProgram(program.id, async () => {
        first = makeSeries(coordinator, program.id, 'slow-series').then((r) => r);
        await until(async () => (await lockWaiters()) >= 1);
        await lapse('slow-series');
        second = makeSeries(coordinator, program.id, 'slow-series').then((r) => r);
        await until(async () => (await lockWaiters()) >= 2);
      });
      const answers = await Promise.all([first, second]);
      const created = answers.filter((a) => a.status === 201);
      expect(created).toHaveLength(1);
      expect(answers.find((a) => a.status !== 201)?.body.code).toBe('idempotency-key-in-flight');
      expect(await sessionsOf(program.id)).toBe(created[0].body.created.length);
      const [{ n: series }] = await db.query(`SELECT count(*)::int AS n FROM session_series WHERE program_id = $1`, [program.id]);
      expect(series).toBe(1);
      expect((await makeSeries(coordinator, program.id, 'slow-series').expect(201)).body).toEqual(created[0].body);
    });
  });
});
