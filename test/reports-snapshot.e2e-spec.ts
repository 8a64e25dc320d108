import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { startTestApp } from './support/app';
import { enrollInTurn, insertTeens, publishedProgram } from './support/enrollment-factories';
import { bearer } from './support/identity';

/**
 * A report's statements read one snapshot (item 13 of issue 18): the test holds the report between its
 * statements — the seats are read, the waitlist's history is not yet — and meanwhile fills the program and
 * starts a waitlist. Read in one snapshot, the report still shows a program with a free seat and no waitlist.
 */
describe('A report reads one snapshot (HTTP)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await app.close();
  });

  it('shows the seats and the waitlist peak as they stood together while enrollments change between its statements', async () => {
    const club = await publishedProgram(app, { capacity: 2, waitlistEnabled: true });
    const programId = club.program.id;
    const teens = await insertTeens(app, 5);
    await enrollInTurn(app, programId, teens.slice(0, 1));

    // The seam: the waitlist-peak statement waits at the gate; the transaction it belongs to is asked what it is.
    let reached!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let transaction: { isolation: string; readOnly: string } | undefined;
    const query = PostgresQueryRunner.prototype.query;
    jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(async function (this: PostgresQueryRunner, ...args: Parameters<typeof query>) {
      if (typeof args[0] === 'string' && args[0].includes('max(running)') && !transaction) {
        [transaction] = await query.call(this, `SELECT current_setting('transaction_isolation') AS isolation, current_setting('transaction_read_only') AS "readOnly"`);
        reached();
        await gate;
      }
      return query.apply(this, args);
    } as typeof query);

    const summary = request(app.getHttpServer()).get(`/v1/reports/programs/${programId}/summary`).set(bearer(club.coordinator)).then((res) => res);
    await atGate;
    // Underneath the report: the second seat goes and three teens join the waitlist.
    const placed = await enrollInTurn(app, programId, teens.slice(1));
    expect(placed.map((e) => e.status)).toEqual(['enrolled', 'waitlisted', 'waitlisted', 'waitlisted']);
    release();
    const res = await summary;

    expect(res.status).toBe(200);
    expect(res.body.reach).toMatchObject({ teensEnrolled: { value: 1 }, waitlistedAtPeak: { value: 0 } });
    expect(transaction).toEqual({ isolation: 'repeatable read', readOnly: 'on' });
    // Seats in reach are the sum of each breakdown's cells (nothing is hidden from the program's staff).
    for (const dimension of ['ageBand', 'gender', 'attendance'] as const) {
      const cells = res.body.breakdowns[dimension].reduce((sum: number, row: { teens: { value: number } }) => sum + row.teens.value, 0);
      expect({ dimension, cells }).toEqual({ dimension, cells: res.body.reach.teensEnrolled.value });
    }
    // Read again afterwards, the report sees everything that happened.
    const after = await request(app.getHttpServer()).get(`/v1/reports/programs/${programId}/summary`).set(bearer(club.coordinator)).expect(200);
    expect(after.body.reach).toMatchObject({ teensEnrolled: { value: 2 }, waitlistedAtPeak: { value: 3 } });
  });
});
