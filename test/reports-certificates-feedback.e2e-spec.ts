import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { type Club, insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createUser, type TestUser } from './support/identity';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Certificates issued and session ratings in the sponsor's report (issue 22), REPORT_MIN_CELL = 10. Both
 * programs ran from 30 to 2 days ago (threshold 0.75) with two sessions, 6 and 4 days ago, and are sponsored.
 *   Big: A0–A11 came to both (completed: 12 certificates issued), A12–A21 to the first only (below).
 *        A0–A10 rated the first session 4, A0–A4 the second 5: 11 raters, 69 / 16 = 4.3125 → 4.31.
 *   Small: B0–B4 came to both (completed: 5 certificates), B5–B11 to the first only; B0–B3 rated it 2.
 */
describe('Reports: certificates and feedback (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let sponsor: TestUser & { sponsorId: string };
  let admin: TestUser;
  let big: Club & { teens: Teen[] };
  let small: Club & { teens: Teen[] };

  const S = (value: number) => ({ value, suppressed: false });
  const P = (value: number) => ({ value, suppressed: false, partial: true });
  const H = { value: null, suppressed: true };
  const COMMENT = 'Ms Okafor made loops fun';

  async function session(programId: string, daysAgo: number): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO session (program_id, starts_at, ends_at, status) VALUES ($1, now() - make_interval(days => $2), now() - make_interval(days => $2) + interval '90 minutes', 'scheduled') RETURNING id`,
      [programId, daysAgo],
    );
    return row.id;
  }

  const mark = (sessionId: string, teens: Teen[], status: string) =>
    db.query(`INSERT INTO attendance (session_id, participant_id, status, method) SELECT $1, unnest($2::uuid[]), $3, 'roll_call'`, [sessionId, teens.map((t) => t.participantId), status]);

  const rate = async (teens: Teen[], sessionId: string, rating: number, comment?: string) => {
    for (const teen of teens) await request(http).post(`/v1/sessions/${sessionId}/feedback`).set(bearer(teen)).send({ rating, ...(comment ? { comment } : {}) }).expect(201);
  };

  /** A sponsored program that has ended, `completers` of its `n` teens at both sessions and the rest at the first. */
  async function endedProgram(n: number, completers: number): Promise<Club & { teens: Teen[]; sessions: string[] }> {
    const club = await publishedProgram(app, { startsOn: isoDate(Date.now() - 30 * DAY), endsOn: isoDate(Date.now() - 2 * DAY), minAge: 10, maxAge: 19, completionThreshold: 0.75, capacity: n });
    const teens = await insertTeens(app, n);
    await db.query(`UPDATE program SET enrolled_count = $2 WHERE id = $1`, [club.program.id, n]);
    await db.query(`INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'self', now() - interval '29 days'`, [
      club.program.id,
      teens.map((t) => t.participantId),
    ]);
    const sessions = [await session(club.program.id, 6), await session(club.program.id, 4)];
    await mark(sessions[0], teens, 'present');
    await mark(sessions[1], teens.slice(0, completers), 'present');
    await mark(sessions[1], teens.slice(completers), 'absent');
    await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: club.program.id, startsOn: club.program.startsOn, endsOn: club.program.endsOn }).expect(201);
    return { ...club, teens, sessions };
  }

  const outcomes = async (query: Record<string, string> = {}) => (await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query(query).set(bearer(sponsor)).expect(200)).body;
  const summary = async (club: Club) => (await request(http).get(`/v1/reports/programs/${club.program.id}/summary`).set(bearer(club.coordinator)).expect(200)).body;
  const certificatesOf = async (club: Club) => (await request(http).get(`/v1/programs/${club.program.id}/certificates`).set(bearer(club.coordinator)).expect(200)).body.items;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const user = await createUser(app, 'sponsor');
    const [{ sponsor_id }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [user.id]);
    sponsor = { ...user, sponsorId: sponsor_id };
    admin = await createUser(app, 'admin');

    const b = await endedProgram(22, 12);
    await rate(b.teens.slice(0, 11), b.sessions[0], 4, COMMENT);
    await rate(b.teens.slice(0, 5), b.sessions[1], 5);
    const s = await endedProgram(12, 5);
    await rate(s.teens.slice(0, 4), s.sessions[0], 2);
    for (const club of [b, s]) expect((await request(http).post(`/v1/programs/${club.program.id}/certificates`).set(bearer(club.coordinator)).expect(201)).body.issued).toBe(club === b ? 12 : 5);
    big = b;
    small = s;
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the sponsor the certificates and the average rating of a program with enough teens, and hides a small program’s', async () => {
    const one = await outcomes({ programId: big.program.id });
    expect(one.retention).toMatchObject({ completedEnrollments: S(12), certificatesIssued: S(12) });
    expect(one.feedback).toEqual({ raters: S(11), averageRating: S(4.31) });
    // 5 completed, 4 rated: under the threshold, hidden; and so is the average over those 4.
    const few = await outcomes({ programId: small.program.id });
    expect(few.retention).toMatchObject({ completedEnrollments: H, certificatesIssued: H });
    expect(few.feedback).toEqual({ raters: H, averageRating: H });
    // Ratings only: no comment, no teen.
    for (const res of [one, few]) {
      expect(JSON.stringify(res)).not.toContain(COMMENT);
      for (const teen of [...big.teens, ...small.teens]) expect(JSON.stringify(res)).not.toContain(teen.participantId);
    }
  });

  it('gives the program’s staff the small program’s figures exactly', async () => {
    const staff = await summary(small);
    expect(staff.retention).toMatchObject({ completedEnrollments: S(5), certificatesIssued: S(5) });
    expect(staff.feedback).toEqual({ raters: S(4), averageRating: S(2) });
    expect((await summary(big)).feedback).toEqual({ raters: S(11), averageRating: S(4.31) });
  });

  it('the attacker: the report over both programs minus the report over the big one tells nothing of the small one', async () => {
    const both = await outcomes();
    const bigAlone = await outcomes({ programId: big.program.id });
    expect(both.programIds.sort()).toEqual([big.program.id, small.program.id].sort());
    // The small program's hidden parts are left out, not folded in: the differences are 0.
    expect(both.retention.certificatesIssued).toEqual(P(12));
    expect(both.feedback.raters).toEqual(P(11));
    expect(both.feedback.averageRating).toEqual(P(4.31));
    expect(both.retention.certificatesIssued.value - bigAlone.retention.certificatesIssued.value).toBe(0);
    expect(both.feedback.raters.value - bigAlone.feedback.raters.value).toBe(0);
    expect(both.feedback.averageRating.value).toBe(bigAlone.feedback.averageRating.value);
    // Folded in, the small program's 4 raters' average 2 would have shown: (4.3125 × 11 + 2 × 4) / 15 or (69 + 8) / 20.
    expect([3.7, 3.69, 3.85]).not.toContain(both.feedback.averageRating.value);
  });

  it('puts the new figures in the CSV, <10 where hidden', async () => {
    const csv = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ format: 'csv', programId: big.program.id }).set(bearer(sponsor)).expect(200);
    const rows: { section: string; measure: string; value: string }[] = parse(csv.text, { columns: true });
    const value = (section: string, measure: string) => rows.find((r) => r.section === section && r.measure === measure)?.value;
    expect([value('retention', 'certificatesIssued'), value('feedback', 'raters'), value('feedback', 'averageRating')]).toEqual(['12', '11', '4.31']);
    const few = await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ format: 'csv', programId: small.program.id }).set(bearer(sponsor)).expect(200);
    expect(few.text).toContain('retention,certificatesIssued,,<10');
    expect(few.text).toContain('feedback,averageRating,,<10');
    expect(csv.text).not.toContain(COMMENT);
  });

  it('stops counting a revoked certificate; the one completer left without one hides the count from the sponsor', async () => {
    const [first] = await certificatesOf(big);
    await request(http).post(`/v1/certificates/${first.id}/revoke`).set(bearer(big.coordinator)).send({ reason: 'Attendance was corrected' }).expect(200);
    expect((await summary(big)).retention.certificatesIssued).toEqual(S(11));
    // 12 completed, 11 certified: shown, the 12 − 11 would be one teen.
    expect((await outcomes({ programId: big.program.id })).retention).toMatchObject({ completedEnrollments: S(12), certificatesIssued: H });
  });

  it('keeps an erased teen’s certificate and ratings in the figures (rule 10)', async () => {
    const before = { staff: await summary(big), sponsor: await outcomes(), staffSmall: await summary(small) };
    // A1 holds a certificate and rated both sessions; B0 holds one and rated the small program's session.
    for (const teen of [big.teens[1], small.teens[0]]) await request(http).delete(`/v1/participants/${teen.participantId}`).set(bearer(admin)).expect(204);
    const after = { staff: await summary(big), sponsor: await outcomes(), staffSmall: await summary(small) };
    expect(after.staff.retention).toEqual(before.staff.retention);
    expect(after.staff.feedback).toEqual({ raters: S(11), averageRating: S(4.31) });
    expect(after.staffSmall.retention.certificatesIssued).toEqual(S(5));
    expect(after.staffSmall.feedback).toEqual({ raters: S(4), averageRating: S(2) });
    expect({ retention: after.sponsor.retention, feedback: after.sponsor.feedback }).toEqual({ retention: before.sponsor.retention, feedback: before.sponsor.feedback });
    // The certificate itself names nobody any more.
    expect((await certificatesOf(small)).filter((c: { status: string }) => c.status === 'erased')).toHaveLength(1);
  });
});
