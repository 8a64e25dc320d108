import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { enrollmentConsistency } from './support/enrollment-consistency';
import { insertTeens, publishedProgram, seatState, type Teen } from './support/enrollment-factories';
import { bearer, createUser, login, PASSWORD, type TestUser, uniqueEmail } from './support/identity';
import { consentTokenOf, someAddress } from './support/people-factories';
import { startTestApp } from './support/app';

/** Every text, varchar, text[] and json(b) column of every table, so a column added later is searched too. */
async function tracesOf(db: DataSource, markers: string[]): Promise<string[]> {
  const columns: { table_name: string; column_name: string }[] = await db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR c.udt_name IN ('_text', '_varchar'))`,
  );
  expect(columns.length).toBeGreaterThan(30);
  const patterns = markers.map((m) => `%${m}%`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows: { hit: string }[] = await db.query(
      `SELECT "${column_name}"::text AS hit FROM "${table_name}" WHERE "${column_name}"::text ILIKE ANY($1) LIMIT 3`,
      [patterns],
    );
    for (const { hit } of rows) found.push(`${table_name}.${column_name}: ${hit.slice(0, 200)}`);
  }
  return found;
}

interface Subject {
  participantId: string;
  userId: string | null;
  token: string | null;
  markers: string[];
}

/**
 * Rule 10 over HTTP. Two sponsored terms that have ended: P1 (North, from 1 September 2025) and P2 (South,
 * from 15 September), a dozen ordinary teens in each with attendance, mentors with hours, an internship.
 * Three teens are erased: X (13 at P2's start but 12 at P1's, in both; erases herself), Y (14 at P1's start,
 * 15 at P2's, in both; erased by an admin) and Z (registered by North's coordinator, 17 at P2's start but 16
 * a fortnight earlier; erased by that coordinator). Their age bands differ by program, so only a band kept
 * per program keeps the reports the same.
 */
describe('Erasure (rule 10)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let admin: TestUser;
  let sponsor: TestUser & { sponsorId: string };
  let p1: Awaited<ReturnType<typeof publishedProgram>>;
  let p2: Awaited<ReturnType<typeof publishedProgram>>;
  let open: Awaited<ReturnType<typeof publishedProgram>>;
  let internshipId: string;
  const subjects: Record<'x' | 'y' | 'z', Subject> = {} as never;
  const tag = () => randomUUID().replace(/-/g, '').slice(0, 10);

  async function session(programId: string, localStart: string, minutes: number): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO session (program_id, starts_at, ends_at) VALUES ($1, ($2 || ' America/Chicago')::timestamptz, ($2 || ' America/Chicago')::timestamptz + make_interval(mins => $3)) RETURNING id`,
      [programId, localStart, minutes],
    );
    return row.id;
  }

  async function seat(programId: string, ids: string[], at: string) {
    await db.query(`UPDATE program SET enrolled_count = enrolled_count + $2 WHERE id = $1`, [programId, ids.length]);
    await db.query(`INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at, created_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'self', $3, $3`, [programId, ids, at]);
  }

  const mark = (sessionId: string, ids: string[], status: string, note: string | null = null) =>
    db.query(`INSERT INTO attendance (session_id, participant_id, status, method, note) SELECT $1, unnest($2::uuid[]), $3, 'roll_call', $4`, [sessionId, ids, status, note]);

  /** A teen who signs up herself, gets her guardian's consent through the link and fills in her profile. */
  async function selfSignedUp(birthDate: string, gender: string): Promise<Subject> {
    const t = tag();
    const person = {
      email: `login-${t}@example.org`,
      firstName: `Xfirst${t}`,
      lastName: `Xlast${t}`,
      guardianName: `Xguardian${t}`,
      guardianEmail: `guardian-${t}@example.org`,
      school: `Xschool${t}`,
      contactEmail: `contact-${t}@example.org`,
      postalCode: `PC${t}`,
      guardianPhone: `+1 555 ${t.replace(/\D/g, '').padEnd(7, '7').slice(0, 7)}`,
    };
    const signup = await request(http)
      .post('/v1/auth/signup')
      .set('X-Forwarded-For', someAddress())
      .send({ email: person.email, password: PASSWORD, firstName: person.firstName, lastName: person.lastName, birthDate, guardianName: person.guardianName, guardianEmail: person.guardianEmail })
      .expect(201);
    const participantId = signup.body.participant.id as string;
    await request(http).post(`/v1/consents/${await consentTokenOf(app, participantId)}`).send({ guardianName: person.guardianName, accept: true }).expect(200);
    const token = await login(app, person.email);
    const own = { school: person.school, contactEmail: person.contactEmail, postalCode: person.postalCode, gender };
    await request(http).patch(`/v1/participants/${participantId}`).set(bearer({ token })).send(own).expect(200);
    await request(http).patch(`/v1/participants/${participantId}`).set(bearer(admin)).send({ guardianPhone: person.guardianPhone }).expect(200);
    // A mistyped password leaves the login e-mail in the audit trail.
    await request(http).post('/v1/auth/login').send({ email: person.email, password: 'not the password at all' }).expect(401);
    return { participantId, userId: signup.body.user.id, token, markers: [...Object.values(person), birthDate] };
  }

  /** Every figure a report shows, fetched as each reader gets it. */
  async function reportFigures() {
    const sponsorUrl = `/v1/reports/sponsors/${sponsor.sponsorId}/outcomes`;
    const periods = [{}, { from: '2025-09-01', to: '2025-09-30' }, { from: '2025-10-01', to: '2025-10-31' }, { programId: p1.program.id }, { programId: p2.program.id }];
    const figures: Record<string, unknown> = {};
    for (const query of periods) {
      figures[`sponsor ${JSON.stringify(query)}`] = (await request(http).get(sponsorUrl).query(query).set(bearer(sponsor)).expect(200)).body;
      figures[`admin ${JSON.stringify(query)}`] = (await request(http).get(sponsorUrl).query(query).set(bearer(admin)).expect(200)).body;
    }
    figures.csv = (await request(http).get(sponsorUrl).set(bearer(sponsor)).set('Accept', 'text/csv').expect(200)).text;
    for (const { program } of [p1, p2, open]) {
      const summary = (await request(http).get(`/v1/reports/programs/${program.id}/summary`).set(bearer(admin)).expect(200)).body;
      // Flagged teens are named for their coordinator; an erased one keeps their place, not their name.
      summary.flaggedTeens = summary.flaggedTeens.map((t: { participantId: string; consecutiveAbsences: number }) => [t.participantId, t.consecutiveAbsences]);
      figures[`summary ${program.id}`] = summary;
    }
    figures.mentorHours = (await request(http).get('/v1/reports/mentor-hours').set(bearer(admin)).expect(200)).body;
    figures.sponsorMentorHours = (await request(http).get('/v1/reports/mentor-hours').set(bearer(sponsor)).expect(200)).body;
    // A shared applicant's programs and rate stay; a private one's profile is banded from their age, which erasure drops, so it is withheld after.
    figures.applications = (await request(http).get(`/v1/internships/${internshipId}/applications`).set(bearer(sponsor)).expect(200)).body.items.map(
      (a: { id: string; status: string; applicant: { pseudonym: string; shared: boolean; attendanceRate?: number | null; programs: unknown[] } }) =>
        a.applicant.shared ? [a.id, a.status, a.applicant.pseudonym, a.applicant.attendanceRate, a.applicant.programs] : [a.id, a.status, a.applicant.pseudonym],
    );
    return figures;
  }

  let before: Record<string, unknown>;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    admin = await createUser(app, 'admin');
    const sponsorUser = await createUser(app, 'sponsor');
    const [{ sponsor_id }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [sponsorUser.id]);
    sponsor = { ...sponsorUser, sponsorId: sponsor_id };

    p1 = await publishedProgram(app, { startsOn: '2025-09-01', endsOn: '2025-10-31', minAge: 12, maxAge: 18 });
    p2 = await publishedProgram(app, { startsOn: '2025-09-15', endsOn: '2025-10-31', minAge: 12, maxAge: 18 });
    open = await publishedProgram(app, { minAge: 12, maxAge: 18 });
    for (const { program } of [p1, p2]) {
      await request(http).post(`/v1/sponsors/${sponsor.sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: program.id, startsOn: '2025-09-01', endsOn: '2025-10-31' }).expect(201);
    }

    subjects.x = await selfSignedUp('2012-09-10', 'Girl');
    const yGender = `two-spirit ${tag()}`;
    subjects.y = await selfSignedUp('2010-09-10', yGender);
    subjects.y.markers.push(yGender); // a free-text answer this rare is personal; "Girl" is not, and becomes "female"

    const zt = tag();
    const zPerson = {
      firstName: `Zfirst${zt}`, lastName: `Zlast${zt}`, guardianName: `Zguardian${zt}`, guardianEmail: `zguardian-${zt}@example.org`,
      guardianPhone: '+44 20 7946 0958', school: `Zschool${zt}`, contactEmail: `zcontact-${zt}@example.org`, postalCode: `ZP${zt}`,
    };
    const z = await request(http).post('/v1/participants').set(bearer(p1.coordinator)).send({ ...zPerson, birthDate: '2008-09-14', homeBranchId: p1.branchId }).expect(201);
    await request(http).put(`/v1/participants/${z.body.id}/consent`).set(bearer(p1.coordinator)).send({ status: 'granted', guardianName: zPerson.guardianName }).expect(200);
    subjects.z = { participantId: z.body.id, userId: null, token: null, markers: [...Object.values(zPerson), '2008-09-14'] };

    const a: Teen[] = await insertTeens(app, 12, { birthDate: '2012-03-01' });
    const b: Teen[] = await insertTeens(app, 12, { birthDate: '2010-03-01' });
    await db.query(`UPDATE participant SET gender = 'female' WHERE id = ANY($1::uuid[])`, [a.map((t) => t.participantId)]);
    const ids = (teens: Teen[]) => teens.map((t) => t.participantId);
    const { x, y } = subjects;
    await seat(p1.program.id, [...ids(a), x.participantId, y.participantId], '2025-08-20');
    await seat(p2.program.id, [...ids(b), x.participantId, y.participantId, subjects.z.participantId], '2025-08-25');
    const s1 = [await session(p1.program.id, '2025-09-10 16:00', 90), await session(p1.program.id, '2025-10-08 16:00', 90), await session(p1.program.id, '2025-10-22 16:00', 90)];
    const s2 = [await session(p2.program.id, '2025-09-17 16:00', 60), await session(p2.program.id, '2025-10-20 16:00', 60)];
    for (const id of s1) await mark(id, ids(a).slice(0, 9), 'present');
    await mark(s1[0], [x.participantId], 'late', `${x.markers[1]} came in with ${x.markers[3]}`);
    await mark(s1[1], [y.participantId], 'present', `${y.markers[1]} ${y.markers[2]} helped`);
    for (const id of s2) await mark(id, ids(b).slice(0, 10), 'present');
    await mark(s2[0], [x.participantId, y.participantId, subjects.z.participantId], 'present', `picked up by ${subjects.z.markers[2]}`);
    for (const [sessionId, sponsorId] of [[s1[0], sponsor.sponsorId], [s2[1], null]] as const) {
      const user = await createUser(app, 'mentor');
      const [{ id }] = await db.query(`INSERT INTO mentor (user_id, employer_sponsor_id) VALUES ($1, $2) RETURNING id`, [user.id, sponsorId]);
      await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [sessionId, id]);
      await db.query(`INSERT INTO mentor_attendance (session_id, mentor_id, status) VALUES ($1, $2, 'present')`, [sessionId, id]);
    }

    // X shares her profile with the sponsor, Y does not; both wrote about themselves.
    [{ id: internshipId }] = await db.query(
      `INSERT INTO internship (sponsor_id, title, slots, opens_at, closes_at, status) VALUES ($1, 'Intern', 2, '2025-09-01', '2025-12-01', 'closed') RETURNING id`,
      [sponsor.sponsorId],
    );
    await db.query(
      `INSERT INTO application (internship_id, participant_id, statement, share_profile, status) VALUES ($1, $2, $3, true, 'shortlisted'), ($1, $4, $5, false, 'submitted')`,
      [internshipId, x.participantId, `I am ${x.markers[1]} ${x.markers[2]} from ${x.markers[5]}`, y.participantId, `Reach me at ${y.markers[6]}`],
    );
    const shared = (await request(http).get(`/v1/internships/${internshipId}/applications`).set(bearer(sponsor)).expect(200)).body.items;
    expect(JSON.stringify(shared)).toContain(x.markers[1]);

    // X applies to an open posting with an Idempotency-Key: the stored answer repeats her statement.
    const [{ id: openPosting }] = await db.query(
      `INSERT INTO internship (sponsor_id, title, slots, opens_at, closes_at, status) VALUES ($1, 'Summer', 2, now() - interval '1 day', now() + interval '30 days', 'open') RETURNING id`,
      [sponsor.sponsorId],
    );
    await request(http)
      .post(`/v1/internships/${openPosting}/applications`)
      .set(bearer({ token: x.token! }))
      .set('Idempotency-Key', randomUUID())
      .send({ statement: `Hello, ${x.markers[1]} here`, shareProfile: true })
      .expect(201);
    // X enrolls in an open club with an Idempotency-Key; the coordinator reads its roster.
    await request(http).post(`/v1/programs/${open.program.id}/enrollments`).set(bearer({ token: x.token! })).set('Idempotency-Key', randomUUID()).send({}).expect(201);
    const roster = await request(http).get(`/v1/programs/${open.program.id}/enrollments`).set(bearer(open.coordinator)).expect(200);
    expect(JSON.stringify(roster.body)).toContain(x.markers[1]);
    // Y's consent e-mail failed for good, quoting the address; X's is still waiting in the outbox.
    await db.query(
      `UPDATE outbox_message SET status = 'failed', attempts = 5, last_error = '550 no mailbox <' || (payload->>'guardianEmail') || '>' WHERE payload->>'participantId' = $1`,
      [y.participantId],
    );
    await db.query(`UPDATE outbox_message SET status = 'pending' WHERE payload->>'participantId' = $1`, [x.participantId]);

    const all = [...subjects.x.markers, ...subjects.y.markers, ...subjects.z.markers];
    const seen = new Set((await tracesOf(db, all)).map((trace) => trace.split(':')[0]));
    // Copies outside the participant row, so the scan after erasure has something to miss.
    for (const column of ['user_account.email', 'audit_event.changes', 'outbox_message.payload', 'outbox_message.last_error', 'attendance.note', 'application.statement', 'idempotency_key.response_body']) {
      expect(seen).toContain(column);
    }
    before = await reportFigures();
  });

  afterAll(async () => {
    await app.close();
  });

  it('lets the teen, an admin and the coordinator of the home branch erase (204); other staff and a second DELETE get a 404', async () => {
    const stranger = await createUser(app, 'coordinator', { branchIds: [open.branchId] });
    await request(http).delete(`/v1/participants/${subjects.z.participantId}`).set(bearer(stranger)).expect(404);
    await request(http).delete(`/v1/participants/${subjects.y.participantId}`).set(bearer({ token: subjects.x.token! })).expect(404);
    await request(http).delete(`/v1/participants/${subjects.y.participantId}`).set(bearer(sponsor)).expect(403);

    await request(http).delete(`/v1/participants/${subjects.x.participantId}`).set(bearer({ token: subjects.x.token! })).expect(204);
    await request(http).delete(`/v1/participants/${subjects.y.participantId}`).set(bearer(admin)).expect(204);
    await request(http).delete(`/v1/participants/${subjects.z.participantId}`).set(bearer(p1.coordinator)).expect(204);

    const again = await request(http).delete(`/v1/participants/${subjects.z.participantId}`).set(bearer(admin)).expect(404);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    const events: { changes: unknown }[] = await db.query(`SELECT changes FROM audit_event WHERE action = 'participant.erased' AND entity_id = ANY($1::uuid[]) ORDER BY at`, [
      Object.values(subjects).map((s) => s.participantId),
    ]);
    expect(events.map((e) => e.changes)).toEqual([{ by: 'self' }, { by: 'staff' }, { by: 'staff' }]);
  });

  // X's seat in the open club (not yet ended) is given up on erasure, so it leaves that club's own summary and
  // the programs her shared application lists; every figure of the ended terms stays.
  it('leaves every report figure exactly as it was, but for the seat X gave up in a club not yet ended', async () => {
    const { [`summary ${open.program.id}`]: openAfter, ...after } = await reportFigures();
    const { [`summary ${open.program.id}`]: openBefore, ...rest } = before;
    const withoutOpenClub = (rows: unknown[][]) =>
      rows.map((row) => (row.length === 5 ? [...row.slice(0, 4), (row[4] as { title: string }[]).filter((p) => p.title !== open.program.title)] : row));
    expect(after).toEqual({ ...rest, applications: withoutOpenClub(rest.applications as unknown[][]) });
    expect(after.applications).not.toEqual(rest.applications);
    const enrolled = (summary: unknown) => (summary as { reach: { teensEnrolled: { value: number } } }).reach.teensEnrolled.value;
    expect([enrolled(openBefore), enrolled(openAfter)]).toEqual([1, 0]);
  });

  it('leaves no name, contact, birth date, guardian, school or postal code of theirs in any text or json column of any table', async () => {
    expect(await tracesOf(db, [...subjects.x.markers, ...subjects.y.markers, ...subjects.z.markers])).toEqual([]);
  });

  it('refuses a seat that was decided before an erasure and written after it (the database waits for the erasure, then says no)', async () => {
    const [teen] = await insertTeens(app, 1);
    const erasing = db.createQueryRunner();
    const enrolling = db.createQueryRunner();
    try {
      await erasing.startTransaction();
      await erasing.query(`SELECT id FROM participant WHERE id = $1 FOR UPDATE`, [teen.participantId]);
      const seat = enrolling.query(
        `WITH seat AS (INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) VALUES ($1, $2, 'enrolled', 'coordinator', now()))
         UPDATE program SET enrolled_count = enrolled_count + 1 WHERE id = $1`,
        [open.program.id, teen.participantId],
      );
      const outcome = seat.then(() => 'written', (error: { driverError?: { code?: string; constraint?: string } }) => `${error.driverError?.code} ${error.driverError?.constraint}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await erasing.query(
        `UPDATE participant SET first_name = 'Erased', last_name = '', birth_date = NULL, school = NULL, grade = NULL, contact_email = NULL, guardian_name = '',
                guardian_email = '', guardian_phone = NULL, postal_code = NULL, erased_age_bands = '{}', erased_at = now() WHERE id = $1`,
        [teen.participantId],
      );
      await erasing.commitTransaction();
      // 23503 is answered as a 422 reference-not-found: the teen no longer exists for the API.
      expect(await outcome).toBe('23503 enrollment_participant_not_erased');
      await expect(db.query(`INSERT INTO application (internship_id, participant_id, statement, share_profile) VALUES ($1, $2, 'Hi', false)`, [internshipId, teen.participantId])).rejects.toMatchObject({
        driverError: { code: '23503', constraint: 'application_participant_not_erased' },
      });
    } finally {
      await erasing.release();
      await enrolling.release();
    }
  });

  it('shuts the erased teen out and hides them from reads: login, token, record, roster', async () => {
    const { x } = subjects;
    await request(http).post('/v1/auth/login').send({ email: x.markers[0], password: PASSWORD }).expect(401);
    await request(http).get('/v1/me').set(bearer({ token: x.token! })).expect(401);
    await request(http).get(`/v1/participants/${x.participantId}`).set(bearer(admin)).expect(404);
    await request(http).get(`/v1/participants/${x.participantId}/attendance`).set(bearer(admin)).expect(404);
    const sheet = await request(http).get(`/v1/programs/${p1.program.id}/attendance`).set(bearer(admin)).expect(200);
    expect(sheet.text).not.toContain(x.markers[1]);
    const list = await request(http).get('/v1/participants').query({ limit: 200 }).set(bearer(admin)).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(x.participantId);
    const roster = await request(http).get(`/v1/programs/${open.program.id}/enrollments`).set(bearer(open.coordinator)).expect(200);
    expect(roster.body.items.find((e: { participant: { id: string } }) => e.participant.id === x.participantId)?.participant).toEqual({ id: x.participantId, firstName: 'Erased', lastInitial: '' });
    // Her login's e-mail is free for someone else.
    await request(http).post('/v1/auth/signup').set('X-Forwarded-For', someAddress()).send({
      email: x.markers[0], password: PASSWORD, firstName: 'New', lastName: 'Person', birthDate: '2000-01-01', guardianName: 'None', guardianEmail: uniqueEmail('g'),
    }).expect(201);
  });

  it('withdraws the erased teen from programs not yet ended, promoting the next in line and closing up every waitlist; an ended program keeps the seat', async () => {
    const running = await publishedProgram(app, { capacity: 2 });
    const other = await publishedProgram(app, { capacity: 1 });
    const ended = await publishedProgram(app, { startsOn: '2025-09-01', endsOn: '2025-10-31' });
    const [erased, seated, next, last, ahead, behind] = await insertTeens(app, 6);
    const enroll = async (programId: string, teen: Teen) => (await request(http).post(`/v1/programs/${programId}/enrollments`).set(bearer(teen)).expect(201)).body;
    for (const teen of [erased, seated, next, last]) await enroll(running.program.id, teen);
    for (const teen of [ahead, erased, behind]) await enroll(other.program.id, teen);
    await seat(ended.program.id, [erased.participantId], '2025-08-20');

    await request(http).delete(`/v1/participants/${erased.participantId}`).set(bearer(admin)).expect(204);

    const inRunning = await seatState(app, running.program.id);
    expect(inRunning.enrolled.map((e) => e.participant_id).sort()).toEqual([seated.participantId, next.participantId].sort());
    expect(inRunning.waitlisted.map((e) => [e.participant_id, e.waitlist_position])).toEqual([[last.participantId, 1]]);
    expect([inRunning.enrolledCount, inRunning.waitlistedCount]).toEqual([2, 1]);
    const inOther = await seatState(app, other.program.id);
    expect(inOther.waitlisted.map((e) => [e.participant_id, e.waitlist_position])).toEqual([[behind.participantId, 1]]);
    expect(inOther.waitlistedCount).toBe(1);
    const theirs: { program_id: string; status: string; waitlist_position: number | null }[] = await db.query(
      `SELECT program_id, status, waitlist_position FROM enrollment WHERE participant_id = $1`,
      [erased.participantId],
    );
    expect(new Map(theirs.map((e) => [e.program_id, [e.status, e.waitlist_position]]))).toEqual(
      new Map([[running.program.id, ['withdrawn', null]], [other.program.id, ['withdrawn', null]], [ended.program.id, ['enrolled', null]]]),
    );
    const [promotion] = await db.query(`SELECT payload FROM outbox_message WHERE topic = 'enrollment.promoted' AND payload->>'programId' = $1`, [running.program.id]);
    expect(promotion.payload.participantId).toBe(next.participantId);
  });

  it('erasing a seated teen while others enroll and withdraw: the first in line gets the seat, no newcomer jumps the line, counters and places stay whole', async () => {
    const club = await publishedProgram(app, { capacity: 3 });
    const [erased, ...rest] = await insertTeens(app, 12);
    const [seatedA, seatedB, first, second, third, ...newcomers] = rest;
    const made: Record<string, string> = {};
    for (const teen of [erased, seatedA, seatedB, first, second, third]) {
      made[teen.participantId] = (await request(http).post(`/v1/programs/${club.program.id}/enrollments`).set(bearer(teen)).expect(201)).body.id;
    }
    const answers = await Promise.all([
      request(http).delete(`/v1/participants/${erased.participantId}`).set(bearer(admin)),
      request(http).post(`/v1/enrollments/${made[second.participantId]}/withdraw`).set(bearer(second)),
      ...newcomers.map((teen) => request(http).post(`/v1/programs/${club.program.id}/enrollments`).set(bearer(teen))),
    ]);
    expect(answers.map((r) => r.status)).toEqual([204, 200, ...newcomers.map(() => 201)]);
    const state = await seatState(app, club.program.id);
    expect(state.enrolled.map((e) => e.participant_id).sort()).toEqual([seatedA, seatedB, first].map((t) => t.participantId).sort());
    expect(state.waitlisted[0].participant_id).toBe(third.participantId);
    const whole = await enrollmentConsistency((sql, values) => db.query(sql, values), club.program.id);
    expect(whole.counters).toEqual(whole.rows);
    expect(whole.rows).toEqual({ enrolled: 3, waitlisted: 1 + newcomers.length });
    expect(whole.positionsAreOneToN).toBe(true);
  });
});
