import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens } from './support/enrollment-factories';
import { bearer, createBranch, createUser, type TestUser } from './support/identity';

const GENDERS = [null, '', 'Girl', 'm', 'Non-Binary', 'two-spirit'] as const;
const DAY_MS = 86_400_000;
const isoDay = (epochDay: number) => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);

interface RandomTeen {
  birthDay: number;
  gender: (typeof GENDERS)[number];
  /** Indexes of the programs, in the order the teen got a seat in them. */
  seats: number[];
  present: boolean;
  erase: boolean;
}

/**
 * Rule 10 on random terms and teens: whatever the birth dates, genders and programs (ended ones, starting
 * up to two years apart, so a birthday between two starts moves a teen across a band), erasing some teens
 * leaves every program summary (unsuppressed) and the sponsor report exactly as they were.
 */
describe('Erasure keeps every report figure (property, HTTP + PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let admin: TestUser;
  let branchId: string;

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    admin = await createUser(app, 'admin');
    branchId = await createBranch(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const day = (from: string, to: string) => fc.integer({ min: Date.parse(from) / DAY_MS, max: Date.parse(to) / DAY_MS });
  const world = fc.array(day('2023-09-01', '2025-09-01'), { minLength: 1, maxLength: 3 }).chain((starts) =>
    fc.tuple(
      fc.constant(starts),
      fc.array(
        fc.record({
          birthDay: day('2006-01-01', '2016-12-31'),
          gender: fc.constantFrom(...GENDERS),
          seats: fc.shuffledSubarray([...starts.keys()], { minLength: 1 }),
          present: fc.boolean(),
          erase: fc.boolean(),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    ),
  );

  async function load(starts: number[], teens: RandomTeen[]) {
    const [{ id: sponsorId }] = await db.query(`INSERT INTO sponsor (name) VALUES ('Property sponsor') RETURNING id`);
    const programIds: string[] = [];
    for (const start of starts) {
      const [{ id }] = await db.query(
        `INSERT INTO program (branch_id, title, level, min_age, max_age, capacity, starts_on, ends_on, status, published_at)
         VALUES ($1, 'Random term', 'beginner', 0, 99, 60, $2, $2::date + 60, 'published', now()) RETURNING id`,
        [branchId, isoDay(start)],
      );
      await db.query(`INSERT INTO sponsorship (sponsor_id, program_id, starts_on, ends_on) VALUES ($1, $2, $3, $3::date + 60)`, [sponsorId, id, isoDay(start)]);
      await db.query(`INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, ($2 || ' 16:00 America/Chicago')::timestamptz, ($2 || ' 17:00 America/Chicago')::timestamptz)`, [id, isoDay(start + 7)]);
      programIds.push(id);
    }
    const rows = await insertTeens(app, teens.length);
    for (const [i, teen] of teens.entries()) {
      const participantId = rows[i].participantId;
      await db.query(`UPDATE participant SET birth_date = $2, gender = $3 WHERE id = $1`, [participantId, isoDay(teen.birthDay), teen.gender]);
      for (const [order, p] of teen.seats.entries()) {
        // Seats taken a minute apart, in the teen's order, so the first seat (whose band a sponsor sees) varies.
        // One statement, so the seat and the program's counter change together.
        await db.query(
          `WITH seat AS (INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at, created_at) VALUES ($1, $2, 'enrolled', 'self', $3, $3))
           UPDATE program SET enrolled_count = enrolled_count + 1 WHERE id = $1`,
          [programIds[p], participantId, new Date(Date.parse('2023-08-01') + (i * 10 + order) * 60_000)],
        );
        await db.query(
          `INSERT INTO attendance (session_id, participant_id, status, method) SELECT id, $2, $3, 'roll_call' FROM session WHERE program_id = $1`,
          [programIds[p], participantId, teen.present ? 'present' : 'absent'],
        );
      }
    }
    return { sponsorId, programIds, participantIds: rows.map((r) => r.participantId) };
  }

  async function figures(sponsorId: string, programIds: string[]) {
    const http = app.getHttpServer();
    const out: unknown[] = [(await request(http).get(`/v1/reports/sponsors/${sponsorId}/outcomes`).set(bearer(admin)).expect(200)).body];
    for (const id of programIds) {
      const summary = (await request(http).get(`/v1/reports/programs/${id}/summary`).set(bearer(admin)).expect(200)).body;
      summary.flaggedTeens = summary.flaggedTeens.map((t: { participantId: string; consecutiveAbsences: number }) => [t.participantId, t.consecutiveAbsences]);
      out.push(summary);
    }
    return out;
  }

  it('gives the same figures before and after erasing any of the teens', async () => {
    await fc.assert(
      fc.asyncProperty(world, async ([starts, teens]) => {
        const { sponsorId, programIds, participantIds } = await load(starts, teens);
        const before = await figures(sponsorId, programIds);
        for (const [i, teen] of teens.entries()) {
          if (teen.erase || i === 0) await request(app.getHttpServer()).delete(`/v1/participants/${participantIds[i]}`).set(bearer(admin)).expect(204);
        }
        expect(await figures(sponsorId, programIds)).toEqual(before);
      }),
      { numRuns: Number(process.env.ERASURE_RUNS ?? 30) },
    );
  }, 120_000);
});
