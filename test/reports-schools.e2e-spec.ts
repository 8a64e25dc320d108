import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { type Club, insertTeens, publishedProgram } from './support/enrollment-factories';
import { bearer, createBranch, createUser, type TestUser, uniqueEmail } from './support/identity';
import { birthDateForAge } from './support/people-factories';

/**
 * The report's by-school breakdown (issue 22), REPORT_MIN_CELL = 10. One sponsored program: 14 adults imported
 * from Lincoln Middle's roster, 11 from Roosevelt High's, and 3 teens who signed up themselves, one of whom a
 * roster of another branch's school brought in (no partner of this branch: counted with those of none).
 */
describe('Reports: by partner school (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let club: Club;
  let sponsor: TestUser & { sponsorId: string };
  let lincolnIds: string[];

  const S = (value: number) => ({ value, suppressed: false });
  const H = { value: null, suppressed: true };

  async function importFrom(school: string, n: number, tag: string): Promise<string[]> {
    const schoolId = (await request(http).post(`/v1/branches/${club.branchId}/schools`).set(bearer(club.coordinator)).send({ name: school }).expect(201)).body.id;
    const rows = Array.from({ length: n }, (_, i) => `${tag}${i},${tag},${birthDateForAge(19)},,12,Guardian,${uniqueEmail('g')},en`);
    const res = await request(http)
      .post(`/v1/branches/${club.branchId}/roster-imports`)
      .query({ schoolId, programId: club.program.id })
      .set(bearer(club.coordinator))
      .set('Content-Type', 'text/csv')
      .send(['first_name,last_name,birth_date,school,grade,guardian_name,guardian_email,language', ...rows].join('\n'))
      .expect(201);
    expect(res.body.enrollment.enrolled).toBe(n);
    return res.body.results.map((r: { participantId: string }) => r.participantId);
  }

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    club = await publishedProgram(app, { maxAge: 20, capacity: 40 });
    lincolnIds = await importFrom('Lincoln Middle', 14, 'Lincoln');
    await importFrom('Roosevelt High', 11, 'Roosevelt');
    const selfSignedUp = await insertTeens(app, 3);
    for (const teen of selfSignedUp) await request(http).post(`/v1/programs/${club.program.id}/enrollments`).set(bearer(teen)).expect(201);
    const elsewhere = await createBranch(app);
    const theirs = await createUser(app, 'coordinator', { branchIds: [elsewhere] });
    const far = (await request(http).post(`/v1/branches/${elsewhere}/schools`).set(bearer(theirs)).send({ name: 'Far Away Academy' }).expect(201)).body.id;
    await db.query(`UPDATE participant SET school_id = $2 WHERE id = $1`, [selfSignedUp[0].participantId, far]);
    const user = await createUser(app, 'sponsor');
    const [{ sponsor_id }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [user.id]);
    sponsor = { ...user, sponsorId: sponsor_id };
    const admin = await createUser(app, 'admin');
    await request(http).post(`/v1/sponsors/${sponsor_id}/sponsorships`).set(bearer(admin)).send({ programId: club.program.id, startsOn: club.program.startsOn, endsOn: club.program.endsOn }).expect(201);
  });

  afterAll(async () => {
    await app.close();
  });

  const schoolRows = (report: { breakdowns: { school: { group: string; teens: unknown }[] } }) => report.breakdowns.school.map((r) => [r.group, r.teens]);

  it('shows staff every partner school of the branch, then “no partner school”, exactly; another branch’s school is no group', async () => {
    const summary = (await request(http).get(`/v1/reports/programs/${club.program.id}/summary`).set(bearer(club.coordinator)).expect(200)).body;
    expect(schoolRows(summary)).toEqual([
      ['Lincoln Middle', S(14)],
      ['Roosevelt High', S(11)],
      ['no partner school', S(3)],
    ]);
  });

  it('suppresses the sponsor’s small school cells with a complement, so the total minus the shown cells never isolates one', async () => {
    const report = (await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).set(bearer(sponsor)).expect(200)).body;
    expect(report.reach.teensEnrolled).toEqual(S(28));
    // 3 alone would be 28 − 14 − 11: Roosevelt is hidden with it, and the two hidden cells add up to 14.
    expect(schoolRows(report)).toEqual([
      ['Lincoln Middle', S(14)],
      ['Roosevelt High', H],
      ['no partner school', H],
    ]);
    const csv = (await request(http).get(`/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`).query({ format: 'csv' }).set(bearer(sponsor)).set('Accept', 'text/csv').expect(200)).text;
    expect(csv).toContain('breakdown:school,teens,Lincoln Middle,14');
    expect(csv).toContain('breakdown:school,teens,no partner school,<10');
  });

  it('keeps an erased teen’s partner school, the report group, while the name and the school’s text go', async () => {
    await request(http).delete(`/v1/participants/${lincolnIds[0]}`).set(bearer(club.coordinator)).expect(204);
    const [erased] = await db.query(`SELECT first_name, school, school_id FROM participant WHERE id = $1`, [lincolnIds[0]]);
    expect(erased).toEqual({ first_name: 'Erased', school: null, school_id: expect.any(String) });
  });
});
