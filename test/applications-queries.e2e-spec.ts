import { requestContext } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createUser, type TestUser } from './support/identity';
import { birthDateForAge } from './support/people-factories';

const DAY = 86_400_000;

/**
 * Issue 18, item 14: a page of applications costs a fixed number of SQL statements, whatever its size — the
 * rows, their applicants, programs, rates and (for the sponsor's view of private applicants) the cohort counts.
 */
describe('Applications pages: statements per page (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let admin: TestUser;
  let sponsor: TestUser;
  let postingId: string;
  let keen: Teen;

  /** Seats the teens in the program a month ago, with `held` sessions since, the i-th teen present at (i mod (held + 1)) of them. */
  async function seat(programId: string, teens: Teen[], held: number) {
    await db.query(`UPDATE program SET enrolled_count = enrolled_count + $2 WHERE id = $1`, [programId, teens.length]);
    await db.query(`INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'coordinator', now() - interval '30 days'`, [
      programId,
      teens.map((t) => t.participantId),
    ]);
    await db.query(
      `WITH s AS (INSERT INTO session (program_id, starts_at, ends_at)
                  SELECT $1, now() - make_interval(days => 20 - d), now() - make_interval(days => 20 - d) + interval '1 hour' FROM generate_series(1, $3) d RETURNING id, starts_at)
       INSERT INTO attendance (session_id, participant_id, status, method)
       SELECT s.id, t.id, CASE WHEN n <= t.ord % ($3 + 1) THEN 'present' ELSE 'absent' END, 'roll_call'
         FROM (SELECT id, row_number() OVER (ORDER BY starts_at) AS n FROM s) s CROSS JOIN unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
      [programId, teens.map((t) => t.participantId), held],
    );
  }

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    admin = await createUser(app, 'admin');
    sponsor = await createUser(app, 'sponsor');
    const [{ sponsor_id: sponsorId }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [sponsor.id]);
    const term = { startsOn: new Date(Date.now() - 40 * DAY).toISOString().slice(0, 10), minAge: 10, maxAge: 19, capacity: 200 };
    const [big, small, other] = [(await publishedProgram(app, term)).program, (await publishedProgram(app, term)).program, (await publishedProgram(app, term)).program];
    for (const program of [big, small]) {
      await request(http).post(`/v1/sponsors/${sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: program.id, startsOn: program.startsOn, endsOn: program.endsOn }).expect(201);
    }
    // Teens of two ages and varied attendance; some in a second sponsored club, some in an unsponsored one, a few in none.
    const teens = [...(await insertTeens(app, 30, { birthDate: birthDateForAge(15) })), ...(await insertTeens(app, 26, { birthDate: birthDateForAge(17) }))];
    await seat(big.id, teens.slice(0, 50), 4);
    await seat(small.id, teens.filter((_, i) => i % 3 === 0), 2);
    await seat(other.id, teens.filter((_, i) => i % 4 === 1), 3);
    await db.query(`UPDATE participant SET contact_email = 'own-' || id || '@test.codeshelf.invalid' WHERE id = ANY($1::uuid[])`, [teens.filter((_, i) => i % 8 === 0).map((t) => t.participantId)]);
    const window = [new Date(Date.now() - DAY), new Date(Date.now() + 7 * DAY)];
    const [posting] = await db.query(
      `INSERT INTO internship (sponsor_id, title, slots, min_age, min_attendance_rate, opens_at, closes_at, status) VALUES ($1, 'Paged', 5, 16, 0.5, $2, $3, 'open') RETURNING id`,
      [sponsorId, ...window],
    );
    postingId = posting.id;
    // 52 applications, one a second apart; every fourth applicant shares their profile.
    await db.query(
      `INSERT INTO application (internship_id, participant_id, statement, share_profile, created_at)
       SELECT $1, t.id, 'Hello', t.ord % 4 = 0, now() - make_interval(secs => 100 - t.ord) FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
      [postingId, teens.slice(0, 52).map((t) => t.participantId)],
    );
    // One teen applied to 52 postings.
    keen = teens[0];
    await db.query(
      `WITH i AS (INSERT INTO internship (sponsor_id, title, slots, opens_at, closes_at, status) SELECT $1, 'Posting ' || n, 1, $2, $3, 'open' FROM generate_series(1, 52) n RETURNING id, title)
       INSERT INTO application (internship_id, participant_id, statement, share_profile, created_at) SELECT i.id, $4, 'Me', false, now() - make_interval(secs => 100 - substr(i.title, 9)::int) FROM i`,
      [sponsorId, ...window, keen.participantId],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  /** The SQL statements the app sends while answering `url` for `who` (its own: those run under its request id), and the answer. */
  async function statements(who: TestUser | Teen, url: string): Promise<{ count: number; items: unknown[] }> {
    const requestId = `statements-${randomUUID()}`;
    const spy = jest.spyOn(db.logger, 'logQuery');
    let count = 0;
    spy.mockImplementation(() => {
      if (requestContext.getStore()?.requestId === requestId) count += 1;
    });
    try {
      const res = await request(http).get(url).set(bearer(who)).set('X-Request-Id', requestId).expect(200);
      return { count, items: res.body.items };
    } finally {
      spy.mockRestore();
    }
  }

  const cases: [string, () => TestUser | Teen, () => string][] = [
    ['the posting sponsor', () => sponsor, () => `/v1/internships/${postingId}/applications`],
    ['an admin', () => admin, () => `/v1/internships/${postingId}/applications`],
    ['the teen who applied', () => keen, () => '/v1/me/applications'],
  ];
  it.each(cases)('a page of 50 applications costs %s as many statements as a page of 5', async (_who, who, url) => {
    const five = await statements(who(), `${url()}?limit=5`);
    const fifty = await statements(who(), `${url()}?limit=50`);
    expect(fifty.items).toHaveLength(50);
    expect(fifty.items.slice(0, 5)).toEqual(five.items);
    expect(fifty.count).toBe(five.count);
  });
});
