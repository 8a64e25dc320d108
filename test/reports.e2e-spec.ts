import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createUser, type TestUser } from './support/identity';

/**
 * A hand-made term, every figure worked out below (REPORT_MIN_CELL = 10). The sponsor funds North
 * (P1) and South (P2), both 1 September – 31 October 2025 (ended; last quarter from 16 October).
 *   P1: A1–A14 hold seats; 4 sessions of 90 min (10 Sep, 24 Sep, 8 Oct, 22 Oct) plus a cancelled one;
 *       A1–A10 present at all 4 (rate 1), A11–A14 absent at all 4 (rate 0); 3 more teens wait in line.
 *   P2: B1–B12 hold seats; 2 sessions of 60 min (17 Sep, 20 Oct); B1–B12 present on 17 Sep,
 *       B1–B6 present on 20 Oct and B7–B12 absent (rates 1 and 0.5).
 *   Ages on 1 Sep: A1–A8 15, A9–A14 13, B1–B12 17. Genders: A1–A13 female; A14, B1–B10 male; B11, B12 none.
 *   Mentors: M1 (employed by the sponsor) present at the first two P1 sessions (3 h), M2 at P2's first (1 h).
 *   P3, at another branch, is not sponsored: its teen and session must not count.
 */
describe('Reports (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let sponsor: TestUser & { sponsorId: string };
  let p1: Awaited<ReturnType<typeof publishedProgram>>;
  let p2: Awaited<ReturnType<typeof publishedProgram>>;
  let a: Teen[];

  const term = { startsOn: '2025-09-01', endsOn: '2025-10-31', minAge: 12, maxAge: 18, completionThreshold: 0.75 };

  /** Seats and waitlist places written as they were in August 2025, with the counters, in one transaction. */
  async function seat(programId: string, teens: Teen[], waiting: Teen[] = []) {
    await db.transaction(async (manager) => {
      await manager.query(`UPDATE program SET enrolled_count = $2, waitlisted_count = $3 WHERE id = $1`, [programId, teens.length, waiting.length]);
      await manager.query(
        `INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at, created_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'self', '2025-08-25', '2025-08-25'`,
        [programId, teens.map((t) => t.participantId)],
      );
      await manager.query(
        `INSERT INTO enrollment (program_id, participant_id, status, waitlist_position, source, created_at) SELECT $1, p, 'waitlisted', n, 'self', '2025-08-26' FROM unnest($2::uuid[]) WITH ORDINALITY AS t(p, n)`,
        [programId, waiting.map((t) => t.participantId)],
      );
    });
  }

  async function session(programId: string, localStart: string, minutes: number, status = 'scheduled'): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO session (program_id, starts_at, ends_at, status, cancel_reason) VALUES ($1, ($2 || ' America/Chicago')::timestamptz, ($2 || ' America/Chicago')::timestamptz + make_interval(mins => $3), $4, CASE WHEN $4 = 'cancelled' THEN 'Storm' END) RETURNING id`,
      [programId, localStart, minutes, status],
    );
    return row.id;
  }

  const mark = (sessionId: string, teens: Teen[], status: string) =>
    db.query(`INSERT INTO attendance (session_id, participant_id, status, method) SELECT $1, unnest($2::uuid[]), $3, 'roll_call'`, [sessionId, teens.map((t) => t.participantId), status]);

  async function mentor(sessionIds: string[], employerSponsorId: string | null) {
    const user = await createUser(app, 'mentor');
    const [{ id }] = await db.query(`INSERT INTO mentor (user_id, employer_sponsor_id) VALUES ($1, $2) RETURNING id`, [user.id, employerSponsorId]);
    for (const sessionId of sessionIds) {
      await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [sessionId, id]);
      await db.query(`INSERT INTO mentor_attendance (session_id, mentor_id, status) VALUES ($1, $2, 'present')`, [sessionId, id]);
    }
    return { ...user, mentorId: id as string };
  }

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const user = await createUser(app, 'sponsor');
    const [{ sponsor_id }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [user.id]);
    sponsor = { ...user, sponsorId: sponsor_id };

    p1 = await publishedProgram(app, { ...term, capacity: 14 });
    p2 = await publishedProgram(app, { ...term, capacity: 12 });
    const p3 = await publishedProgram(app, term);
    await db.query(`UPDATE branch SET name = 'North' WHERE id = $1`, [p1.branchId]);
    await db.query(`UPDATE branch SET name = 'South' WHERE id = $1`, [p2.branchId]);
    a = [...(await insertTeens(app, 8, { birthDate: '2010-05-01' })), ...(await insertTeens(app, 6, { birthDate: '2012-05-01' }))];
    const b = await insertTeens(app, 12, { birthDate: '2008-05-01' });
    const waiting = await insertTeens(app, 3, { birthDate: '2010-05-01' });
    const outsider = await insertTeens(app, 1, { birthDate: '2010-05-01' });
    const ids = (teens: Teen[]) => teens.map((t) => t.participantId);
    await db.query(`UPDATE participant SET gender = 'Female' WHERE id = ANY($1::uuid[])`, [ids(a.slice(0, 13))]);
    await db.query(`UPDATE participant SET gender = 'male' WHERE id = ANY($1::uuid[])`, [ids([a[13], ...b.slice(0, 10)])]);
    await seat(p1.program.id, a, waiting);
    await seat(p2.program.id, b);
    await seat(p3.program.id, outsider);

    const s = [await session(p1.program.id, '2025-09-10 16:00', 90), await session(p1.program.id, '2025-09-24 16:00', 90), await session(p1.program.id, '2025-10-08 16:00', 90), await session(p1.program.id, '2025-10-22 16:00', 90)];
    await session(p1.program.id, '2025-10-01 16:00', 90, 'cancelled');
    for (const id of s) {
      await mark(id, a.slice(0, 10), 'present');
      await mark(id, a.slice(10), 'absent');
    }
    const t1 = await session(p2.program.id, '2025-09-17 16:00', 60);
    const t2 = await session(p2.program.id, '2025-10-20 16:00', 60);
    await mark(t1, b, 'present');
    await mark(t2, b.slice(0, 6), 'present');
    await mark(t2, b.slice(6), 'absent');
    await mark(await session(p3.program.id, '2025-09-15 16:00', 120), outsider, 'present');
    await mentor(s.slice(0, 2), sponsor.sponsorId);
    await mentor([t1], null);

    const admin = await createUser(app, 'admin');
    for (const { program } of [p1, p2]) {
      await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: program.id, startsOn: term.startsOn, endsOn: term.endsOn }).expect(201);
    }
    // One posting with 12 applications, none offered yet.
    const [{ id: internshipId }] = await db.query(
      `INSERT INTO internship (sponsor_id, title, slots, opens_at, closes_at, status) VALUES ($1, 'Intern', 2, '2025-09-01', '2025-12-01', 'closed') RETURNING id`,
      [sponsor.sponsorId],
    );
    await db.query(`INSERT INTO application (internship_id, participant_id, statement, share_profile) SELECT $1, unnest($2::uuid[]), 'Hi', false`, [internshipId, ids(b)]);
  });

  afterAll(async () => {
    await app.close();
  });

  const S = (value: number) => ({ value, suppressed: false });
  const H = { value: null, suppressed: true };

  const P = (value: number) => ({ value, suppressed: false, partial: true });
  const Z = S(0);
  const none = { value: null, suppressed: false };

  it('gives the sponsor its figures, worked out by hand, each program suppressed alone and the totals made of what the programs show', async () => {
    const res = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).set(bearer(sponsor)).expect(200);
    const r = res.body;
    expect(r.programIds.sort()).toEqual([p1.program.id, p2.program.id].sort());
    expect(r.reach).toEqual({
      programs: S(2),
      sessionsHeld: S(6),
      instructionHours: S(8), // 4 × 1.5 h + 2 × 1 h; the cancelled session does not count
      teensEnrolled: S(26), // 14 + 12
      teensActive: P(12), // P1's 10 of 14 is hidden (the other 4 would be known), P2's 12 of 12 is shown
      waitlistedAtPeak: P(0), // P1's 3 is hidden; P2 never had a line
    });
    expect(r.retention).toEqual({
      averageAttendanceRate: S(0.7308), // P1 10 / 14 = 0.7143 and P2 9 / 12 = 0.75, weighted by their 14 and 12 seats
      finishedEnrollments: S(26),
      completedEnrollments: H, // P1's 10 of 14 and P2's 6 of 12 are both hidden
      completionRate: H,
      certificatesIssued: H, // none issued, but a part of a hidden "completed" is hidden with it
    });
    expect(r.feedback).toEqual({ raters: Z, averageRating: none }); // nobody rated a session
    expect(r.mentoring).toEqual({ mentors: S(2), volunteerHours: S(4), employeeVolunteerHours: S(3) });
    // The sponsor's own 12 applications, none offered: an empty step is no group.
    expect(r.internships).toEqual({ postings: S(1), applications: S(12), offers: Z, placements: Z, completed: Z, hired: Z });
    expect(r.breakdowns.branch).toEqual([
      { group: 'North', teens: S(14), averageAttendanceRate: S(0.7143) },
      { group: 'South', teens: S(12), averageAttendanceRate: S(0.75) },
    ]);
    // P1's 13–14 (6) and 15–16 (8) hide each other; P2 has 12 of 17–18. Every band is listed.
    expect(r.breakdowns.ageBand).toEqual([
      { group: 'under 13', teens: Z, averageAttendanceRate: none },
      { group: '13-14', teens: P(0), averageAttendanceRate: H },
      { group: '15-16', teens: P(0), averageAttendanceRate: H },
      { group: '17-18', teens: S(12), averageAttendanceRate: S(0.75) },
      { group: '19 and over', teens: Z, averageAttendanceRate: none },
    ]);
    // P1: one boy would be 14 − 13, so the 13 girls are hidden with him; P2: 2 "not stated" hide the 10 boys.
    expect(r.breakdowns.gender).toEqual([
      { group: 'female', teens: P(0), averageAttendanceRate: H },
      { group: 'male', teens: H, averageAttendanceRate: H },
      { group: 'non-binary', teens: Z, averageAttendanceRate: none },
      { group: 'self-described', teens: Z, averageAttendanceRate: none },
      { group: 'not stated', teens: P(0), averageAttendanceRate: H },
    ]);
    // P1: 4 never came, 10 met the threshold (both hidden); P2: 6 below and 6 met (both hidden).
    expect(r.breakdowns.attendance).toEqual([
      { group: 'never came', teens: P(0), averageAttendanceRate: H },
      { group: 'below threshold', teens: P(0), averageAttendanceRate: H },
      { group: 'threshold met', teens: H, averageAttendanceRate: H },
    ]);
    expect(r.monthly).toEqual([
      { month: '2025-09', attendances: S(32) }, // P1 10 + 10, P2 12
      { month: '2025-10', attendances: P(20) }, // P1 10 + 10; only 6 of P2's teens came in October
    ]);
    // Nothing about a single teen: no participant ids or names anywhere.
    for (const teen of a) expect(res.text).not.toContain(teen.participantId);
    expect(res.text).not.toMatch(/Number \d/);
  });

  it('narrows to one program and a period; refuses another sponsor (404) and a program it does not sponsor', async () => {
    const one = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ programId: p1.program.id }).set(bearer(sponsor)).expect(200);
    expect(one.body.reach).toMatchObject({ sessionsHeld: S(4), teensEnrolled: S(14), teensActive: H }); // 10 came, 4 did not
    const september = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ from: '2025-09-01', to: '2025-09-30' }).set(bearer(sponsor)).expect(200);
    expect(september.body.reach).toMatchObject({ sessionsHeld: S(3), instructionHours: S(4) });
    expect(september.body.monthly.map((m: { month: string }) => m.month)).toEqual(['2025-09']);
    // Teens' figures are the programs' whole terms, whatever the period: periods cannot be subtracted from each other.
    const whole = (await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).set(bearer(sponsor)).expect(200)).body;
    expect(september.body.retention).toEqual(whole.retention);
    expect(september.body.breakdowns).toEqual(whole.breakdowns);
    const other = await createUser(app, 'sponsor');
    await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).set(bearer(other)).expect(404);
    const unsponsored = await publishedProgram(app);
    expect((await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ programId: unsponsored.program.id }).set(bearer(sponsor)).expect(404)).body.code).toBe(
      'program-not-sponsored',
    );
    expect((await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ from: '2025-10-01', to: '2025-09-30' }).set(bearer(sponsor)).expect(400)).body.errors[0].field).toBe('to');
    // A sponsor reads whole months: periods a day apart could be subtracted from each other.
    const dayByDay = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ from: '2025-09-02', to: '2025-09-29' }).set(bearer(sponsor)).expect(400);
    expect(dayByDay.body.errors.map((e: { field: string }) => e.field)).toEqual(['from', 'to']);
  });

  it('gives the same figures as CSV, parsed by csv-parse, with <10 where hidden and a file name', async () => {
    const json = (await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).set(bearer(sponsor)).expect(200)).body;
    const csv = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).set(bearer(sponsor)).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="codeshelf-outcomes-.*\.csv"$/);
    const rows: { section: string; measure: string; group: string; value: string }[] = parse(csv.text, { columns: true });
    const value = (f: { value: number | null; suppressed: boolean; partial?: boolean }) => (f.suppressed ? '<10' : f.value === null ? '' : `${f.value}${f.partial ? '+' : ''}`);
    for (const section of ['reach', 'retention', 'mentoring', 'internships']) {
      for (const [measure, figure] of Object.entries(json[section] as Record<string, { value: number; suppressed: boolean }>)) {
        expect(rows.find((r) => r.section === section && r.measure === measure)?.value).toBe(value(figure));
      }
    }
    expect(rows.filter((r) => r.section === 'breakdown:gender' && r.measure === 'teens').map((r) => [r.group, r.value])).toEqual([
      ['female', '0+'],
      ['male', '<10'],
      ['non-binary', '0'],
      ['self-described', '0'],
      ['not stated', '0+'],
    ]);
    const viaQuery = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ format: 'csv' }).set(bearer(sponsor)).expect(200);
    expect(viaQuery.text).toBe(csv.text);
  });

  it('gives the program’s staff everything unsuppressed, with the flagged teens; mentor hours by employer', async () => {
    const summary = await request(http).get(`/v1/reports/programs/${p1.program.id}/summary`).set(bearer(p1.coordinator)).expect(200);
    expect(summary.body.reach).toMatchObject({ teensEnrolled: S(14), teensActive: S(10), waitlistedAtPeak: S(3) });
    expect(summary.body.flaggedTeens.map((t: { participantId: string }) => t.participantId).sort()).toEqual(a.slice(10).map((t) => t.participantId).sort());
    await request(http).get(`/v1/reports/programs/${p1.program.id}/summary`).set(bearer(p2.coordinator)).expect(403);
    await request(http).get(`/v1/reports/programs/${p1.program.id}/summary`).set(bearer(sponsor)).expect(403);

    const hours = await request(http).get('/v1/reports/mentor-hours').query({ from: '2025-09-01', to: '2025-10-31' }).set(bearer(sponsor)).expect(200);
    expect(hours.body).toMatchObject({ totalHours: 3, mentors: [{ employerSponsorId: sponsor.sponsorId, sessions: 2, hours: 3 }] });
    const other = await createUser(app, 'sponsor');
    await request(http).get('/v1/reports/mentor-hours').query({ sponsorId: sponsor.sponsorId }).set(bearer(other)).expect(404);
  });

  it('gives a coordinator the sponsor’s outcomes and mentor hours over their own branches’ programs only', async () => {
    const mine = (await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).set(bearer(p1.coordinator)).expect(200)).body;
    expect(mine.programIds).toEqual([p1.program.id]);
    expect(mine.reach).toMatchObject({ programs: S(1), teensEnrolled: S(14) });
    const theirs = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ programId: p2.program.id }).set(bearer(p1.coordinator)).expect(404);
    expect(theirs.body.code).toBe('program-not-sponsored');
    const hours = async (user: TestUser) => (await request(http).get('/v1/reports/mentor-hours').query({ from: '2025-09-01', to: '2025-10-31' }).set(bearer(user)).expect(200)).body;
    expect((await hours(p1.coordinator)).totalHours).toBe(3); // M1 at North
    expect((await hours(p2.coordinator)).totalHours).toBe(1); // M2 at South
    expect((await hours(await createUser(app, 'admin'))).totalHours).toBeGreaterThanOrEqual(4);
  });

  it('shows the sponsor its sponsorships’ seats as the report does, only while published; staff see them exact', async () => {
    const admin = await createUser(app, 'admin');
    const closed = await publishedProgram(app, term);
    await seat(closed.program.id, await insertTeens(app, 5, { birthDate: '2010-05-01' }));
    await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: closed.program.id, startsOn: term.startsOn, endsOn: term.endsOn }).expect(201);
    await db.query(`UPDATE program SET status = 'archived' WHERE id = $1`, [closed.program.id]);
    const programsSeen = async (headers: Record<string, string>) => {
      const items: { programId: string; program: { enrolled: unknown; waitlisted: unknown } }[] = (
        await request(http).get(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(headers).expect(200)
      ).body.items;
      return Object.fromEntries(items.map((i) => [i.programId, [i.program.enrolled, i.program.waitlisted]]));
    };
    const bySponsor = await programsSeen(bearer(sponsor));
    expect(bySponsor[p1.program.id]).toEqual([S(14), H]); // 3 wait: hidden, as in the report
    expect(bySponsor[p2.program.id]).toEqual([S(12), S(0)]);
    expect(bySponsor[closed.program.id]).toEqual([H, H]); // archived: no numbers for the sponsor
    const byAdmin = await programsSeen(bearer(admin));
    expect(byAdmin[p1.program.id]).toEqual([S(14), S(3)]);
    expect(byAdmin[closed.program.id]).toEqual([S(5), S(0)]);
  });
});
