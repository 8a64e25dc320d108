import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createUser } from './support/identity';

const MIN = 10; // REPORT_MIN_CELL
const MARKS = ['present', 'late', 'absent', null] as const;
const BANDS = { '13-14': '2011-06-01', '15-16': '2009-06-01', '17-18': '2007-06-01' } as const;
type Band = keyof typeof BANDS;
interface RandomTeen {
  gender: 'female' | 'male' | null;
  band: Band;
  marks: [(typeof MARKS)[number], (typeof MARKS)[number]];
  /** Holds a certificate (given to any teen: the report counts only those of the completed). */
  certified: boolean;
  /** The rating given to the first session, if any (the report counts raters among those who came). */
  rating: number | null;
}
interface Figure {
  value: number | null;
  suppressed: boolean;
  partial?: boolean;
}
/** One seat as the attacker's unknowns see it: which program, and the teen's group in each partition. */
interface Atom {
  program: number;
  ageBand: Band;
  gender: string;
  attendance: string;
  certified: boolean;
  rated: boolean;
}
/** A published count: the seats it counts (one 0/1 entry per atom) and the value shown. */
interface Known {
  vector: number[];
  value: number;
  where: string;
}

// Three programs of two months each (September–October, October–November, November–December 2025), two
// sessions each, one in each month; the sponsor funds each for its term, so periods pick different programs.
const TERMS = [
  { startsOn: '2025-09-01', endsOn: '2025-10-31', sessions: ['2025-09-10', '2025-10-08'] },
  { startsOn: '2025-10-01', endsOn: '2025-11-30', sessions: ['2025-10-15', '2025-11-12'] },
  { startsOn: '2025-11-01', endsOn: '2025-12-31', sessions: ['2025-11-19', '2025-12-10'] },
];
const MONTHS = ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01'];
const lastDay = (month: string) => new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).toISOString().slice(0, 10);
const attendanceOf = (t: RandomTeen) => {
  const came = t.marks.filter((m) => m === 'present' || m === 'late').length;
  return came === 0 ? 'never came' : came >= 2 * 0.75 ? 'threshold met' : 'below threshold';
};

/**
 * Plays the sponsor as attacker (rule 9): on random rosters of three programs it asks every question a
 * sponsor may ask (all programs or one, over every whole-month period), then tries every sum and difference
 * of up to three published counts, and finds no group of 1 to 9 seats whose count it can compute. It also
 * checks every figure shown against a recount by hand.
 */
describe('Sponsor reports against differencing (property, HTTP + PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const teen = fc.record({
    gender: fc.constantFrom('female' as const, 'male' as const, null),
    band: fc.constantFrom(...(Object.keys(BANDS) as Band[])),
    // Present twice as often as the other marks, so that more programs have 10 completers.
    marks: fc.tuple(fc.constantFrom('present', ...MARKS), fc.constantFrom('present', ...MARKS)),
    // Most teens hold one and rate, so that those without one are few: the groups an attacker would look for.
    certified: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    rating: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 10 }),
  });
  // Sizes on both sides of the threshold, up to three times it; in some programs every teen holds a certificate.
  const roster = fc
    .integer({ min: 0, max: 30 })
    .chain((n) => fc.tuple(fc.array(teen, { minLength: n, maxLength: n }), fc.boolean()))
    .map(([teens, all]) => (all ? teens.map((t) => ({ ...t, certified: true })) : teens));

  async function load(rosters: RandomTeen[][]) {
    const user = await createUser(app, 'sponsor');
    const [{ sponsor_id: sponsorId }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [user.id]);
    const programIds: string[] = [];
    for (const [i, term] of TERMS.entries()) {
      const { program } = await publishedProgram(app, { startsOn: term.startsOn, endsOn: term.endsOn, minAge: 10, maxAge: 19, capacity: 60, completionThreshold: 0.75 });
      programIds.push(program.id);
      await db.query(`INSERT INTO sponsorship (sponsor_id, program_id, starts_on, ends_on) VALUES ($1, $2, $3, $4)`, [sponsorId, program.id, term.startsOn, term.endsOn]);
      const teens = rosters[i];
      const rows: Teen[] = [];
      for (const t of teens) {
        const [row] = await insertTeens(app, 1, { birthDate: BANDS[t.band] });
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
      for (const [s, day] of term.sessions.entries()) {
        const [{ id }] = await db.query(`INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, ($2 || ' 21:00Z')::timestamptz, ($2 || ' 22:00Z')::timestamptz) RETURNING id`, [program.id, day]);
        const rated = s === 0 ? teens.map((t, k) => [rows[k].participantId, t.rating] as const).filter(([, rating]) => rating !== null) : [];
        if (rated.length) {
          await db.query(`INSERT INTO session_feedback (session_id, participant_id, rating) SELECT $1, unnest($2::uuid[]), unnest($3::int[])`, [id, rated.map(([p]) => p), rated.map(([, r]) => r)]);
        }
        const marked = teens.map((t, k) => [rows[k].participantId, t.marks[s]] as const).filter(([, mark]) => mark !== null);
        if (marked.length) {
          await db.query(`INSERT INTO attendance (session_id, participant_id, status, method) SELECT $1, unnest($2::uuid[]), unnest($3::text[]), 'roll_call'`, [
            id,
            marked.map(([p]) => p),
            marked.map(([, mark]) => mark),
          ]);
        }
      }
      const certified = rows.filter((_, k) => teens[k].certified).map((r) => r.participantId);
      await db.query(`INSERT INTO certificate (program_id, participant_id, code, hours_attended) SELECT $1, p, left(md5(random()::text), 24), 1 FROM unnest($2::uuid[]) AS p`, [program.id, certified]);
    }
    return { sponsorId: sponsorId as string, user, programIds };
  }

  it('lets no sum or difference of any answers a sponsor may get isolate fewer than 10 teens, and shows only true figures', async () => {
    let tried = 0;
    let questions = 0;
    const recovered: string[] = [];
    const wrong: string[] = [];
    const sizes: number[] = [];
    const shownOf: Record<string, number> = { certificatesIssued: 0, raters: 0 };
    await fc.assert(
      fc.asyncProperty(fc.tuple(roster, roster, roster), async (rosters) => {
        const { sponsorId, user, programIds } = await load(rosters);
        const atoms: Atom[] = rosters.flatMap((teens, program) =>
          teens.map((t) => ({
            program,
            ageBand: t.band,
            gender: t.gender ?? 'not stated',
            attendance: attendanceOf(t),
            certified: t.certified,
            rated: t.rating !== null && attendanceOf(t) !== 'never came',
          })),
        );
        sizes.push(...rosters.map((r) => r.length));
        const seatsOf = (test: (a: Atom) => boolean): number[] => atoms.map((a) => (test(a) ? 1 : 0));

        // Every question: all programs or one, with no period or any whole months.
        const periods: { from?: string; to?: string }[] = [{}];
        for (const [i, from] of MONTHS.entries()) for (const to of MONTHS.slice(i)) periods.push({ from: `${from}-01`, to: lastDay(to) });
        const answers: { query: Record<string, string>; body: any }[] = [];
        for (const period of periods) {
          for (const programId of [undefined, ...programIds]) {
            const query = { ...period, ...(programId ? { programId } : {}) };
            const res = await request(app.getHttpServer()).get(`/v1/reports/sponsors/${sponsorId}/outcomes`).query(query).set(bearer(user));
            if (res.status === 404 && res.body.code === 'program-not-sponsored') continue;
            expect(res.status).toBe(200);
            answers.push({ query, body: res.body });
          }
        }
        questions += answers.length;

        // The published teen counts of an answer, each with the seats it counts. A partial sum counts the
        // seats of the programs whose own answer shows that figure, as the sponsor can tell by asking them.
        type Pick = (body: any) => Figure | undefined;
        const figures: { name: string; pick: Pick; seats: (a: Atom) => boolean }[] = [
          { name: 'teensEnrolled', pick: (b) => b.reach.teensEnrolled, seats: () => true },
          { name: 'teensActive', pick: (b) => b.reach.teensActive, seats: (a) => a.attendance !== 'never came' },
          { name: 'finishedEnrollments', pick: (b) => b.retention.finishedEnrollments, seats: () => true },
          { name: 'completedEnrollments', pick: (b) => b.retention.completedEnrollments, seats: (a) => a.attendance === 'threshold met' },
          { name: 'certificatesIssued', pick: (b) => b.retention.certificatesIssued, seats: (a) => a.attendance === 'threshold met' && a.certified },
          { name: 'raters', pick: (b) => b.feedback.raters, seats: (a) => a.rated },
        ];
        for (const [dimension, groups] of Object.entries({
          ageBand: Object.keys(BANDS),
          gender: ['female', 'male', 'not stated'],
          attendance: ['never came', 'below threshold', 'threshold met'],
        }) as [keyof Atom, string[]][]) {
          for (const group of groups) {
            figures.push({ name: `${dimension}:${group}`, pick: (b) => b.breakdowns[dimension]?.find((r: { group: string }) => r.group === group)?.teens, seats: (a) => a[dimension] === group });
          }
        }
        const alone = (program: number) => answers.find((x) => x.query.programId === programIds[program] && !x.query.from)!.body;
        const known = new Map<string, Known>();
        for (const { query, body } of answers) {
          const inAnswer = body.programIds.map((id: string) => programIds.indexOf(id));
          for (const f of figures) {
            const figure = f.pick(body);
            if (!figure || figure.suppressed || figure.value === null) continue;
            const counted = figure.partial ? inAnswer.filter((p: number) => !f.pick(alone(p))?.suppressed) : inAnswer;
            const vector = seatsOf((a) => counted.includes(a.program) && f.seats(a));
            const where = `${f.name} of ${JSON.stringify(query)}`;
            // Every figure shown is the true count of the seats it says it counts.
            const truth = vector.reduce((s, x) => s + x, 0);
            if (figure.value !== truth) wrong.push(`${where}: ${figure.value}, not ${truth}`);
            else known.set(vector.join(''), { vector, value: figure.value, where });
            if (f.name in shownOf && figure.value > 0) shownOf[f.name]++;
          }
        }

        // The attacker: every ±1 combination of up to three published counts that counts a set of seats.
        const list = [...known.values()];
        const test = (terms: [Known, number][]) => {
          tried++;
          const vector = atoms.map((_, k) => terms.reduce((s, [f, c]) => s + c * f.vector[k], 0));
          if (vector.some((x) => x !== 0 && x !== 1)) return;
          const size = vector.reduce((s, x) => s + x, 0);
          const value = terms.reduce((s, [f, c]) => s + c * f.value, 0);
          if (size > 0 && size < MIN && value === size) recovered.push(`${size} seat(s) from ${terms.map(([f, c]) => `${c > 0 ? '+' : '−'}${f.where}`).join(' ')}`);
        };
        for (let i = 0; i < list.length; i++) {
          test([[list[i], 1]]);
          for (let j = 0; j < list.length; j++) {
            if (j === i) continue;
            test([[list[i], 1], [list[j], -1]]);
            for (let k = j + 1; k < list.length; k++) {
              if (k === i) continue;
              test([[list[i], 1], [list[j], -1], [list[k], -1]]);
              if (j > i) test([[list[i], 1], [list[j], 1], [list[k], -1]]);
            }
          }
        }
        expect(recovered.slice(0, 5)).toEqual([]);
        expect(wrong.slice(0, 5)).toEqual([]);
      }),
      { seed: 12022026, numRuns: 6, endOnFailure: true },
    );
    process.stdout.write(`reports-property: ${questions} answers asked, ${tried} combinations tried, ${recovered.length} groups recovered; shown ${JSON.stringify(shownOf)}\n`);
    // The runs must reach past the threshold, or every figure would be hidden and the test would prove little.
    expect(sizes.filter((n) => n >= 2 * MIN).length).toBeGreaterThanOrEqual(4);
    // And certificates and raters must be shown somewhere, or the attacker never had them to combine.
    expect(Object.values(shownOf).every((n) => n > 0)).toBe(true);
  }, 300_000);
});
