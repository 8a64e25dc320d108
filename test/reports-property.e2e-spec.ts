import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createUser } from './support/identity';

const MIN = 10; // REPORT_MIN_CELL
const MARKS = ['present', 'late', 'absent', 'excused', null] as const;
type Mark = (typeof MARKS)[number];
interface RandomTeen {
  gender: 'female' | 'male' | null;
  band: '13-14' | '15-16';
  marks: Mark[];
}
interface Figure {
  value: number | null;
  suppressed: boolean;
}

/**
 * Random rosters and attendance, written to PostgreSQL and read back through the sponsor's report: every
 * figure shown equals a recount done here by hand, and no count under the threshold is shown or left to
 * be found by subtraction from the enrolled total.
 */
describe('Sponsor report on random rosters (property, HTTP + PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const roster = (sessions: number) =>
    fc.array(
      fc.record({
        gender: fc.constantFrom('female' as const, 'male' as const, null),
        band: fc.constantFrom('13-14' as const, '15-16' as const),
        marks: fc.array(fc.constantFrom(...MARKS), { minLength: sessions, maxLength: sessions }),
      }),
      { maxLength: 45, size: 'max' },
    );
  const data = fc.integer({ min: 1, max: 4 }).chain((sessions) => fc.tuple(fc.constant(sessions), roster(sessions)));

  async function load(sessions: number, teens: RandomTeen[]) {
    const { program } = await publishedProgram(app, { startsOn: '2025-09-01', endsOn: '2025-10-31', minAge: 10, maxAge: 19, capacity: 60 });
    const user = await createUser(app, 'sponsor');
    const [{ sponsor_id: sponsorId }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [user.id]);
    await db.query(`INSERT INTO sponsorship (sponsor_id, program_id, starts_on, ends_on) VALUES ($1, $2, '2025-09-01', '2025-10-31')`, [sponsorId, program.id]);
    const rows: Teen[] = [];
    for (const t of teens) {
      const [row] = await insertTeens(app, 1, { birthDate: t.band === '13-14' ? '2011-06-01' : '2009-06-01' });
      if (t.gender) await db.query(`UPDATE participant SET gender = $2 WHERE id = $1`, [row.participantId, t.gender]);
      rows.push(row);
    }
    await db.transaction(async (m) => {
      await m.query(`UPDATE program SET enrolled_count = $2 WHERE id = $1`, [program.id, rows.length]);
      await m.query(`INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'self', '2025-08-25'`, [
        program.id,
        rows.map((r) => r.participantId),
      ]);
    });
    for (let s = 0; s < sessions; s++) {
      const [{ id }] = await db.query(
        `INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, '2025-09-10 21:00Z'::timestamptz + make_interval(days => 7 * $2), '2025-09-10 22:00Z'::timestamptz + make_interval(days => 7 * $2)) RETURNING id`,
        [program.id, s],
      );
      const marked = teens.map((t, i) => [rows[i].participantId, t.marks[s]] as const).filter(([, mark]) => mark !== null);
      if (marked.length) {
        await db.query(`INSERT INTO attendance (session_id, participant_id, status, method) SELECT $1, unnest($2::uuid[]), unnest($3::text[]), 'roll_call'`, [
          id,
          marked.map(([p]) => p),
          marked.map(([, mark]) => mark),
        ]);
      }
    }
    return { sponsorId, user };
  }

  it('shows only true figures of at least the threshold, and nothing recoverable by subtraction', async () => {
    const sizes: number[] = [];
    await fc.assert(
      fc.asyncProperty(data, async ([sessions, teens]) => {
        const { sponsorId, user } = await load(sessions, teens);
        const report = (await request(app.getHttpServer()).get(`/v1/reports/sponsors/${sponsorId}/outcomes`).set(bearer(user)).expect(200)).body;

        // The recount, by hand.
        const came = (t: RandomTeen) => t.marks.filter((m) => m === 'present' || m === 'late').length;
        const rate = (t: RandomTeen) => came(t) / sessions;
        const n = teens.length;
        sizes.push(n);
        const truth = {
          teensEnrolled: n,
          teensActive: teens.filter((t) => came(t) > 0).length,
          teensWithRateAtLeast80: teens.filter((t) => rate(t) >= 0.8).length,
          completedEnrollments: teens.filter((t) => rate(t) >= 0.75).length,
        };
        const shownOk = (f: Figure, value: number) => {
          if (f.suppressed) return expect(f.value).toBeNull();
          expect(f.value).toBe(value);
          expect(value).toBeGreaterThanOrEqual(MIN);
        };
        shownOk(report.reach.teensEnrolled, n);
        shownOk(report.reach.teensActive, truth.teensActive);
        shownOk(report.retention.teensWithRateAtLeast80, truth.teensWithRateAtLeast80);
        shownOk(report.retention.completedEnrollments, truth.completedEnrollments);
        for (const [figure, part] of [
          [report.reach.teensActive, truth.teensActive],
          [report.retention.teensWithRateAtLeast80, truth.teensWithRateAtLeast80],
          [report.retention.completedEnrollments, truth.completedEnrollments],
        ] as const) {
          if (!figure.suppressed) expect(n - part).toBeGreaterThanOrEqual(MIN);
        }
        expect(report.reach.sessionsHeld).toEqual({ value: sessions, suppressed: false });
        if (!report.retention.averageAttendanceRate.suppressed && n) {
          expect(report.retention.averageAttendanceRate.value).toBeCloseTo(teens.reduce((s, t) => s + rate(t), 0) / n, 4);
        }
        for (const [dimension, key] of [
          ['gender', (t: RandomTeen) => t.gender ?? 'not stated'],
          ['ageBand', (t: RandomTeen) => t.band],
        ] as const) {
          const counts = new Map<string, number>();
          for (const t of teens) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
          const rows: { group: string; teens: Figure }[] = report.breakdowns[dimension];
          expect(rows.map((r) => r.group).sort()).toEqual([...counts.keys()].sort());
          for (const row of rows) shownOk(row.teens, counts.get(row.group)!);
          const hidden = rows.filter((r) => r.teens.suppressed);
          if (!report.reach.teensEnrolled.suppressed && hidden.length) {
            expect(hidden.length).toBeGreaterThanOrEqual(2);
            expect(hidden.reduce((s, r) => s + counts.get(r.group)!, 0)).toBeGreaterThanOrEqual(MIN);
          }
        }
        const csv = (await request(app.getHttpServer()).get(`/v1/reports/sponsors/${sponsorId}/outcomes`).query({ format: 'csv' }).set(bearer(user)).expect(200)).text;
        for (const row of report.breakdowns.gender as { group: string; teens: Figure }[]) {
          expect(csv).toContain(`breakdown:gender,teens,${row.group},${row.teens.suppressed ? '<10' : row.teens.value}`);
        }
      }),
      { seed: 11282026, numRuns: 12 },
    );
    // The runs must reach past the threshold, or every figure would be hidden and the test would prove little.
    expect(sizes.filter((n) => n >= 2 * MIN).length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
