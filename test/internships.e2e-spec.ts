import { IdempotencyService } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { teensSharing } from './support/applicant-cohort';
import { bearer, createUser, type TestUser } from './support/identity';
import { birthDateForAge } from './support/people-factories';

const DAY = 86_400_000;

describe('Sponsorships, internships and applications (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    admin = await createUser(app, 'admin');
  });

  afterAll(async () => {
    await app.close();
  });

  /** A sponsor user (with a sponsor of its own) and that sponsor's id. */
  async function sponsorUser(): Promise<TestUser & { sponsorId: string }> {
    const user = await createUser(app, 'sponsor');
    const [{ sponsor_id }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [user.id]);
    return { ...user, sponsorId: sponsor_id };
  }

  /** An internship the sponsor posted and opened, open since yesterday for a week. */
  async function openInternship(sponsor: TestUser, fields: Record<string, unknown> = {}) {
    const created = await request(http)
      .post('/v1/internships')
      .set(bearer(sponsor))
      .send({
        title: 'Summer software intern',
        description: 'Ship a feature with our team.',
        location: 'Acme HQ',
        remote: false,
        slots: 2,
        minAge: 14,
        minAttendanceRate: 0.5,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 7 * DAY).toISOString(),
        ...fields,
      })
      .expect(201);
    expect(created.body.status).toBe('draft');
    return (await request(http).post(`/v1/internships/${created.body.id}/open`).set(bearer(sponsor)).expect(200)).body;
  }

  /** Teens with a seat in a club and the given attendance: `attended` of 4 held sessions. */
  async function teensWithAttendance(attended: number[], birthDate = birthDateForAge(15)): Promise<Teen[]> {
    const { program } = await publishedProgram(app, { startsOn: new Date(Date.now() - 40 * DAY).toISOString().slice(0, 10), minAge: 10, maxAge: 19 });
    const teens = await insertTeens(app, attended.length, { birthDate });
    for (const teen of teens) await request(http).post(`/v1/programs/${program.id}/enrollments`).set(bearer(teen)).expect(201);
    await db.query(`UPDATE enrollment SET enrolled_at = now() - interval '30 days' WHERE program_id = $1`, [program.id]);
    const sessions: { id: string }[] = await db.query(
      `INSERT INTO session (program_id, starts_at, ends_at) SELECT $1, now() - make_interval(days => d), now() - make_interval(days => d) + interval '1 hour' FROM unnest(ARRAY[20, 15, 10, 5]) d RETURNING id`,
      [program.id],
    );
    for (const [i, teen] of teens.entries()) {
      for (const [j, session] of sessions.entries()) {
        const status = j < attended[i] ? 'present' : 'absent';
        await db.query(`INSERT INTO attendance (session_id, participant_id, status, method) VALUES ($1, $2, $3, 'roll_call')`, [session.id, teen.participantId, status]);
      }
    }
    return teens;
  }

  const apply = (teen: Teen, internshipId: string, body: object = { statement: 'I love building things.', shareProfile: true }) =>
    request(http).post(`/v1/internships/${internshipId}/applications`).set(bearer(teen)).send(body);
  const move = (who: { token: string }, applicationId: string, body: object) => request(http).patch(`/v1/applications/${applicationId}`).set(bearer(who)).send(body);

  it('a retry after a failure past the application’s commit gets the stored 201, not already-applied', async () => {
    const sponsor = await sponsorUser();
    const [teen] = await teensWithAttendance([3]);
    const internship = await openInternship(sponsor);
    const key = { 'Idempotency-Key': 'apply-after-commit' };
    const fault = jest.spyOn(app.get(IdempotencyService), 'finish').mockRejectedValueOnce(new Error('fault injected after the commit'));
    await apply(teen, internship.id).set(key).expect(500);
    fault.mockRestore();
    const retry = await apply(teen, internship.id).set(key).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toMatchObject({ status: 'submitted', participantId: teen.participantId });
    expect(await db.query(`SELECT id FROM application WHERE internship_id = $1`, [internship.id])).toEqual([{ id: retry.body.id }]);
  });

  it('runs the whole pipeline: post → apply → shortlist → offer → accept → complete (hired)', async () => {
    const sponsor = await sponsorUser();
    const [teen] = await teensWithAttendance([3]);
    const internship = await openInternship(sponsor);
    // Filtered by sponsor: earlier test files in this worker leave open postings that fill the first page.
    const listed = await request(http).get('/v1/internships').query({ sponsorId: sponsor.sponsorId }).set(bearer(teen)).expect(200);
    expect(listed.body.items.find((i: { id: string }) => i.id === internship.id).eligibility).toEqual({ eligible: true, reasons: [] });

    const key = { 'Idempotency-Key': 'apply-1' };
    const applied = await apply(teen, internship.id).set(key).expect(201);
    expect(applied.body).toMatchObject({ status: 'submitted', shareProfile: true, participantId: teen.participantId });
    expect((await apply(teen, internship.id).set(key).expect(201)).body).toEqual(applied.body);
    expect((await apply(teen, internship.id).expect(409)).body).toMatchObject({ code: 'already-applied', applicationId: applied.body.id });

    const id = applied.body.id;
    await move(sponsor, id, { status: 'shortlisted' }).expect(200);
    await move(sponsor, id, { status: 'offered' }).expect(200);
    expect((await move(teen, id, { status: 'accepted' }).expect(200)).body).toMatchObject({ status: 'accepted', hired: null });
    expect((await move(sponsor, id, { status: 'completed', hired: true }).expect(200)).body).toMatchObject({ status: 'completed', hired: true });

    const mine = await request(http).get('/v1/me/applications').set(bearer(teen)).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id, status: 'completed', hired: true, internshipTitle: 'Summer software intern' })]);
    const topics = await db.query(`SELECT payload->>'to' AS to, payload->>'notify' AS notify FROM outbox_message WHERE payload->>'applicationId' = $1 ORDER BY created_at`, [id]);
    expect(topics).toEqual([
      { to: null, notify: null },
      { to: 'shortlisted', notify: 'teen' },
      { to: 'offered', notify: 'teen' },
      { to: 'accepted', notify: 'sponsor' },
      { to: 'completed', notify: 'teen' },
    ]);
    expect((await request(http).get(`/v1/internships/${internship.id}`).set(bearer(sponsor)).expect(200)).body.offeredCount).toBe(1);
  });

  it('refuses ineligible teens (age, attendance), closed postings, and marks eligibility in the list', async () => {
    const sponsor = await sponsorUser();
    const internship = await openInternship(sponsor, { minAge: 16, minAttendanceRate: 0.75 });
    const [young] = await teensWithAttendance([4], birthDateForAge(15));
    const [truant] = await teensWithAttendance([2], birthDateForAge(17));
    const [fresh] = await insertTeens(app, 1, { birthDate: birthDateForAge(17) });
    expect((await apply(young, internship.id).expect(422)).body).toMatchObject({ code: 'not-eligible', reasons: [{ rule: 'min-age', message: expect.any(String) }] });
    expect((await apply(truant, internship.id).expect(422)).body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['min-attendance-rate']);
    expect((await apply(fresh, internship.id).expect(422)).body.reasons[0].message).toContain('no sessions held yet');
    const seen = await request(http).get(`/v1/internships/${internship.id}`).set(bearer(truant)).expect(200);
    expect(seen.body.eligibility).toEqual({ eligible: false, reasons: [{ rule: 'min-attendance-rate', message: expect.stringContaining('50%') }] });

    const [ok] = await teensWithAttendance([4], birthDateForAge(17));
    const later = await openInternship(sponsor, { minAge: null, minAttendanceRate: null, opensAt: new Date(Date.now() + DAY).toISOString() });
    expect((await apply(ok, later.id).expect(422)).body.code).toBe('internship-not-open');
    await request(http).post(`/v1/internships/${internship.id}/close`).set(bearer(sponsor)).expect(200);
    await apply(ok, internship.id).expect(404); // closed postings are not shown to teens
    expect(await db.query(`SELECT 1 FROM application WHERE internship_id = ANY($1::uuid[])`, [[internship.id, later.id]])).toEqual([]);
  });

  it('a 0% minimum attendance asks nothing of a teen with no held sessions; above 0 the refusal says they have no attended sessions yet', async () => {
    const sponsor = await sponsorUser();
    const none = await openInternship(sponsor, { minAge: null, minAttendanceRate: 0 });
    const some = await openInternship(sponsor, { minAge: null, minAttendanceRate: 0.1 });
    const [fresh] = await insertTeens(app, 1, { birthDate: birthDateForAge(16) });
    expect((await request(http).get(`/v1/internships/${none.id}`).set(bearer(fresh)).expect(200)).body.eligibility).toEqual({ eligible: true, reasons: [] });
    await apply(fresh, none.id, { statement: 'Hi!', shareProfile: false }).expect(201);
    const refused = await apply(fresh, some.id).expect(422);
    expect(refused.body.reasons).toEqual([{ rule: 'min-attendance-rate', message: expect.stringContaining('You have no attended sessions yet') }]);
    expect(refused.body.reasons[0].message).toContain('10%');
    // The sponsor reads the 0% rule as met.
    const seen = await request(http).get(`/v1/internships/${none.id}/applications`).set(bearer(sponsor)).expect(200);
    expect(seen.body.items[0].applicant.eligibility).toEqual({ eligible: true, minAge: null, minAttendanceRate: true });
  });

  it('checks each step: illegal ones name the allowed, the other side’s are 403, offers stop at the slots', async () => {
    const sponsor = await sponsorUser();
    const [a, b] = await teensWithAttendance([4, 4]);
    const internship = await openInternship(sponsor, { slots: 1 });
    const first = (await apply(a, internship.id).expect(201)).body.id;
    const second = (await apply(b, internship.id).expect(201)).body.id;
    expect((await move(sponsor, first, { status: 'offered' }).expect(409)).body).toMatchObject({ code: 'illegal-transition', allowed: ['shortlisted', 'rejected'] });
    expect((await move(a, first, { status: 'shortlisted' }).expect(403)).body.code).toBe('transition-not-yours');
    expect((await move(b, first, { status: 'withdrawn' }).expect(404)).body.code).toBe('application-not-found');
    await move(sponsor, first, { status: 'shortlisted' }).expect(200);
    await move(sponsor, second, { status: 'shortlisted' }).expect(200);
    await move(sponsor, first, { status: 'offered' }).expect(200);
    // Each application on the list names the caller's own next steps: the web app offers exactly these.
    const steps = async (headers: Record<string, string>) =>
      Object.fromEntries(
        (await request(http).get(`/v1/internships/${internship.id}/applications`).set(headers).expect(200)).body.items.map((i: { id: string; nextStatuses: string[] }) => [i.id, i.nextStatuses]),
      );
    expect(await steps(bearer(sponsor))).toEqual({ [first]: ['rejected'], [second]: ['offered', 'rejected'] });
    expect(await steps(bearer(admin))).toEqual({ [first]: ['rejected'], [second]: ['offered', 'rejected'] });
    const key = (await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/api-keys`).set(bearer(sponsor)).send({ name: 'reports' }).expect(201)).body.key;
    expect(await steps({ 'X-API-Key': key })).toEqual({ [first]: [], [second]: [] });
    expect((await move(sponsor, first, { status: 'accepted' }).expect(403)).body.code).toBe('transition-not-yours');
    expect((await move(sponsor, second, { status: 'offered' }).expect(409)).body).toMatchObject({ code: 'slots-filled', slots: 1 });
    await move(a, first, { status: 'declined' }).expect(200);
    await move(sponsor, second, { status: 'offered' }).expect(200);
    await move(b, second, { status: 'accepted' }).expect(200);
    expect((await move(sponsor, second, { status: 'completed' }).expect(400)).body.errors[0].field).toBe('hired');
    expect((await move(sponsor, second, { status: 'rejected', hired: false }).expect(400)).body.errors[0].field).toBe('hired');
    expect((await move(a, first, { status: 'accepted' }).expect(409)).body).toMatchObject({ code: 'illegal-transition', allowed: [] });
    await expect(db.query(`UPDATE internship SET offered_count = 2 WHERE id = $1`, [internship.id])).rejects.toThrow(/internship_offers_within_slots/);
  });

  it('keeps sponsors apart: another sponsor’s postings and applications are 404s', async () => {
    const owner = await sponsorUser();
    const other = await sponsorUser();
    const [teen] = await teensWithAttendance([4]);
    const internship = await openInternship(owner);
    const application = (await apply(teen, internship.id).expect(201)).body.id;
    await request(http).get(`/v1/internships/${internship.id}`).set(bearer(other)).expect(404);
    await request(http).get(`/v1/internships/${internship.id}/applications`).set(bearer(other)).expect(404);
    await request(http).patch(`/v1/internships/${internship.id}`).set(bearer(other)).send({ title: 'Mine now' }).expect(404);
    await move(other, application, { status: 'shortlisted' }).expect(404);
    const listed = await request(http).get('/v1/internships').set(bearer(other)).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(internship.id);
    const key = (await request(http).post(`/v1/sponsors/${other.sponsorId}/api-keys`).set(bearer(other)).send({ name: 'reports' }).expect(201)).body.key;
    await request(http).get(`/v1/internships/${internship.id}/applications`).set('X-API-Key', key).expect(404);
  });

  it('a private applicant is a pseudonym to the sponsor: stable, different per sponsor, with no name or e-mail anywhere', async () => {
    const [sponsorA, sponsorB] = [await sponsorUser(), await sponsorUser()];
    const [teen] = await teensWithAttendance([3]);
    const [sharer] = await teensWithAttendance([4]);
    await db.query(`UPDATE participant SET first_name = 'Zelda', last_name = 'Quokkaface', school = 'Lincoln High', contact_email = 'teen@example.test' WHERE id = $1`, [
      teen.participantId,
    ]);
    const a = await openInternship(sponsorA);
    const b = await openInternship(sponsorB);
    await apply(teen, a.id, { statement: 'Hello!', shareProfile: false }).expect(201);
    await apply(sharer, a.id, { statement: 'Hi!', shareProfile: true }).expect(201);
    await apply(teen, b.id, { statement: 'Hello!', shareProfile: false }).expect(201);

    const readA = async () => (await request(http).get(`/v1/internships/${a.id}/applications`).set(bearer(sponsorA)).expect(200));
    const first = await readA();
    const privateOne = first.body.items.find((i: { applicant: { shared: boolean } }) => !i.applicant.shared);
    // Its club is not one sponsor A sponsors: no program, and no exact rate; whether the bands show depends on the teens of the whole database.
    const { ageBand, attendanceBand, ...rest } = privateOne.applicant;
    expect(rest).toEqual({ pseudonym: expect.stringMatching(/^applicant-[0-9A-Z]{10}$/), shared: false, eligibility: { eligible: true, minAge: true, minAttendanceRate: true }, programs: [] });
    expect([null, '15-16']).toContain(ageBand);
    expect([null, '75% and over']).toContain(attendanceBand);
    for (const secret of ['Zelda', 'Quokkaface', 'teen@example.test', 'Lincoln High', teen.participantId, teen.userId]) expect(first.text).not.toContain(secret);
    const shared = first.body.items.find((i: { applicant: { shared: boolean } }) => i.applicant.shared).applicant;
    expect(shared).toMatchObject({
      firstName: 'Teen',
      lastName: expect.stringMatching(/^Number/),
      email: expect.stringContaining('@test.codeshelf.invalid'),
      attendanceRate: 1,
      attendanceBand: '75% and over',
      ageBand: '15-16',
      programs: [{ title: expect.any(String) }],
    });
    expect(shared.participantId).toBeUndefined();

    expect((await readA()).body.items.find((i: { id: string }) => i.id === privateOne.id).applicant.pseudonym).toBe(privateOne.applicant.pseudonym);
    const atB = (await request(http).get(`/v1/internships/${b.id}/applications`).set(bearer(sponsorB)).expect(200)).body.items[0].applicant;
    expect(atB.pseudonym).not.toBe(privateOne.applicant.pseudonym);
    const staff = (await request(http).get(`/v1/internships/${a.id}/applications`).set(bearer(admin)).expect(200)).body.items.find((i: { id: string }) => i.id === privateOne.id);
    expect(staff.applicant).toMatchObject({ participantId: teen.participantId, firstName: 'Zelda', lastName: 'Quokkaface', email: 'teen@example.test', school: 'Lincoln High' });
    const audits = await db.query(`SELECT actor_id FROM audit_event WHERE action = 'applicant.viewed' AND entity_id = $1`, [a.id]);
    expect(audits.map((r: { actor_id: string }) => r.actor_id)).toEqual([sponsorA.id, sponsorA.id, admin.id]);
  });

  /** Seats (enrolled 30 days ago) for the teens; with `sessions`, that many held sessions since, each teen present at all of them. */
  async function seat(programId: string, teens: Teen[], sessions = 0) {
    await db.query(`UPDATE program SET enrolled_count = enrolled_count + $2 WHERE id = $1`, [programId, teens.length]);
    await db.query(`INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'coordinator', now() - interval '30 days'`, [
      programId,
      teens.map((t) => t.participantId),
    ]);
    for (let d = 0; d < sessions; d++) {
      const [{ id }] = await db.query(`INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, now() - make_interval(days => $2), now() - make_interval(days => $2) + interval '1 hour') RETURNING id`, [
        programId,
        20 - d * 5,
      ]);
      await db.query(`INSERT INTO attendance (session_id, participant_id, status, method) SELECT $1, unnest($2::uuid[]), 'present', 'roll_call'`, [id, teens.map((t) => t.participantId)]);
    }
  }

  it('a private applicant shows its sponsor only eligibility, coarse bands and its own sponsored programs, each shared by REPORT_MIN_CELL (10) teens', async () => {
    const sponsor = await sponsorUser();
    const term = { startsOn: new Date(Date.now() - 40 * DAY).toISOString().slice(0, 10), minAge: 10, maxAge: 19 };
    const [big, mid, tiny, unsponsored] = [
      (await publishedProgram(app, term)).program,
      (await publishedProgram(app, term)).program,
      (await publishedProgram(app, term)).program,
      (await publishedProgram(app, term)).program,
    ];
    for (const program of [big, mid, tiny]) {
      await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: program.id, startsOn: program.startsOn, endsOn: program.endsOn }).expect(201);
    }
    // Eleven 15-year-olds who came to all 4 sessions of big; 9 of them also hold a seat in mid; the teen alone in tiny (and in an unsponsored club).
    const teens = await insertTeens(app, 11, { birthDate: birthDateForAge(15) });
    const [teen, sharer] = teens;
    await seat(big.id, teens, 4);
    await seat(mid.id, teens.slice(0, 9));
    await seat(tiny.id, [teen]);
    await seat(unsponsored.id, [teen]);
    const posting = await openInternship(sponsor, { minAge: 14, minAttendanceRate: 0.5 });
    const strict = await openInternship(sponsor, { minAge: 16, minAttendanceRate: null });
    await apply(teen, posting.id, { statement: 'Hello!', shareProfile: false }).expect(201);
    await apply(sharer, posting.id, { statement: 'Hi!', shareProfile: true }).expect(201);
    // The teen is too young for the strict posting today (say they applied when its rules were looser).
    await db.query(`INSERT INTO application (internship_id, participant_id, statement, share_profile) VALUES ($1, $2, 'Hello!', false)`, [strict.id, teen.participantId]);

    const privateOf = async (internshipId: string) => {
      const res = await request(http).get(`/v1/internships/${internshipId}/applications`).set(bearer(sponsor)).expect(200);
      return res.body.items.find((i: { applicant: { shared: boolean } }) => !i.applicant.shared);
    };
    const seen = await privateOf(posting.id);
    // mid is withheld: only 9 teens share big, mid, the bands and the rules; tiny names the one teen in it; the unsponsored club is never named.
    expect(seen.applicant).toEqual({
      pseudonym: expect.stringMatching(/^applicant-/),
      shared: false,
      eligibility: { eligible: true, minAge: true, minAttendanceRate: true },
      ageBand: '15-16',
      attendanceBand: '75% and over',
      programs: [{ title: big.title }],
    });
    for (const title of [mid.title, tiny.title, unsponsored.title]) expect(JSON.stringify(seen)).not.toContain(title);
    expect(await teensSharing(db, posting.id, seen.applicant)).toBeGreaterThanOrEqual(10);

    const elsewhere = await privateOf(strict.id);
    expect(elsewhere.applicant).toMatchObject({ eligibility: { eligible: false, minAge: false, minAttendanceRate: null }, ageBand: '15-16', programs: [{ title: big.title }] });
    expect(await teensSharing(db, strict.id, elsewhere.applicant)).toBeGreaterThanOrEqual(10);

    // A tenth teen in mid makes it shareable.
    await seat(mid.id, [teens[9]]);
    expect((await privateOf(posting.id)).applicant.programs.map((p: { title: string }) => p.title).sort()).toEqual([big.title, mid.title].sort());

    // The teen who shared is shown with every program and the exact rate; staff see the private one in full.
    const all = await request(http).get(`/v1/internships/${posting.id}/applications`).set(bearer(sponsor)).expect(200);
    const shared = all.body.items.find((i: { applicant: { shared: boolean } }) => i.applicant.shared).applicant;
    expect(shared).toMatchObject({ attendanceRate: 1, programs: expect.arrayContaining([{ title: big.title }, { title: mid.title }]) });
    const staff = (await request(http).get(`/v1/internships/${posting.id}/applications`).set(bearer(admin)).expect(200)).body.items.find((i: { id: string }) => i.id === seen.id);
    expect(staff.applicant).toMatchObject({ participantId: teen.participantId, attendanceRate: 1 });
    expect(staff.applicant.programs).toHaveLength(4);
  });

  it('coordinators see, in full, only the applications of their branches’ teens (home branch or a place in a club there), and take no step', async () => {
    const sponsor = await sponsorUser();
    const east = await publishedProgram(app, { capacity: 1 });
    const west = await publishedProgram(app);
    const [home, waiting, filler, far] = await insertTeens(app, 4);
    await db.query(`UPDATE participant SET home_branch_id = $2 WHERE id = $1`, [home.participantId, east.branchId]);
    await request(http).post(`/v1/programs/${east.program.id}/enrollments`).set(bearer(filler)).expect(201);
    expect((await request(http).post(`/v1/programs/${east.program.id}/enrollments`).set(bearer(waiting)).expect(201)).body.status).toBe('waitlisted');
    await db.query(`UPDATE participant SET home_branch_id = $2 WHERE id = $1`, [far.participantId, west.branchId]);
    await request(http).post(`/v1/programs/${west.program.id}/enrollments`).set(bearer(far)).expect(201);
    const internship = await openInternship(sponsor, { minAge: null, minAttendanceRate: null });
    const ids: Record<string, string> = {};
    for (const [name, teen] of Object.entries({ home, waiting, far })) ids[name] = (await apply(teen, internship.id, { statement: 'Hi', shareProfile: false }).expect(201)).body.id;

    const listed = async (who: TestUser) => (await request(http).get(`/v1/internships/${internship.id}/applications`).set(bearer(who)).expect(200)).body.items;
    const eastern = await listed(east.coordinator);
    expect(eastern.map((i: { id: string }) => i.id).sort()).toEqual([ids.home, ids.waiting].sort());
    expect(eastern.find((i: { id: string }) => i.id === ids.home).applicant).toMatchObject({ participantId: home.participantId, firstName: 'Teen', shared: false });
    expect((await listed(west.coordinator)).map((i: { id: string }) => i.id)).toEqual([ids.far]);
    expect((await listed(await createUser(app, 'coordinator'))).map((i: { id: string }) => i.id)).toEqual([]);
    expect((await listed(admin)).map((i: { id: string }) => i.id).sort()).toEqual(Object.values(ids).sort());
    expect(eastern.map((i: { nextStatuses: string[] }) => i.nextStatuses)).toEqual([[], []]);

    // Only the sponsor (or an admin) takes the sponsor's steps; not even the coordinator of the teen's branch.
    expect((await move(east.coordinator, ids.home, { status: 'shortlisted' }).expect(403)).body.code).toBe('forbidden');
    await move(admin, ids.home, { status: 'shortlisted' }).expect(200);
    await move(sponsor, ids.waiting, { status: 'rejected' }).expect(200);
    await move(home, ids.home, { status: 'withdrawn' }).expect(200);
  });

  it('sponsorships: staff record them; the sponsor (user or key) sees its programs’ numbers, never a roster; others get 404', async () => {
    const sponsor = await sponsorUser();
    const other = await sponsorUser();
    const { program, coordinator } = await publishedProgram(app);
    const body = { programId: program.id, startsOn: String(program.startsOn), endsOn: String(program.endsOn), amount: 2500 };
    await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer((await publishedProgram(app)).coordinator)).send(body).expect(403);
    const created = await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(coordinator)).send(body).expect(201);
    expect(created.body).toMatchObject({ sponsorId: sponsor.sponsorId, programId: program.id, amount: 2500, program: { title: program.title, capacity: 30, enrolled: { value: 0, suppressed: false } } });
    expect((await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(coordinator)).send(body).expect(409)).body.code).toBe('sponsorship-exists');
    expect((await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(coordinator)).send({ ...body, endsOn: '2000-01-01' }).expect(400)).body.errors[0].field).toBe('endsOn');
    const [teen] = await insertTeens(app, 1);
    await request(http).post(`/v1/programs/${program.id}/enrollments`).set(bearer(teen)).expect(201);
    const key = (await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/api-keys`).set(bearer(sponsor)).send({ name: 'dashboard' }).expect(201)).body.key;
    const seen = await request(http).get(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set('X-API-Key', key).expect(200);
    // One teen: hidden from the sponsor (rule 9); an empty waitlist is no group.
    expect(seen.body.items[0].program).toMatchObject({ enrolled: { value: null, suppressed: true }, waitlisted: { value: 0, suppressed: false } });
    expect(seen.text).not.toContain(teen.participantId);
    await request(http).get(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(other)).expect(404);
  });
});
