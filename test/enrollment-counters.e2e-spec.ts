import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram } from './support/enrollment-factories';

/** The commit-time check that a program's enrolled and waitlisted counters equal its rows (rule 1's backstop). */
describe('Enrollment counters (database)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const seat = `INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) VALUES ($1, $2, 'enrolled', 'coordinator', now())`;
  const bump = `UPDATE program SET enrolled_count = enrolled_count + 1 WHERE id = $1`;

  async function commitOf(steps: (run: (sql: string, parameters: unknown[]) => Promise<unknown>) => Promise<void>): Promise<unknown> {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await steps((sql, parameters) => runner.query(sql, parameters));
      await runner.commitTransaction();
      return null;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      return error;
    } finally {
      await runner.release();
    }
  }

  it('refuses at commit a seat the counter does not count, and takes one it does', async () => {
    const { program } = await publishedProgram(app);
    const [a, b] = await insertTeens(app, 2);
    expect(await commitOf(async (run) => void (await run(seat, [program.id, a.participantId])))).toMatchObject({ driverError: { code: '23514', constraint: 'enrollment_counts_match' } });
    expect(await commitOf(async (run) => {
      await run(seat, [program.id, b.participantId]);
      await run(bump, [program.id]);
    })).toBeNull();
  });

  it('checks each program once per commit, against the whole transaction’s changes: a later bad row is still caught', async () => {
    const { program } = await publishedProgram(app);
    const teens = await insertTeens(app, 3);
    const error = await commitOf(async (run) => {
      await run(seat, [program.id, teens[0].participantId]);
      await run(bump, [program.id]);
      await run(seat, [program.id, teens[1].participantId]);
      await run(bump, [program.id]);
      await run(seat, [program.id, teens[2].participantId]);
    });
    expect(error).toMatchObject({ driverError: { code: '23514', constraint: 'enrollment_counts_match' } });
    expect((await db.query(`SELECT count(*)::int AS n FROM enrollment WHERE program_id = $1`, [program.id]))[0].n).toBe(0);
  });
});
