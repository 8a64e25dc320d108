import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram, seatState } from './support/enrollment-factories';
import { bearer, createBranch, createUser, type TestUser, uniqueEmail } from './support/identity';
import { birthDateForAge, consentRequestsOf, registerParticipant } from './support/people-factories';

const HEADER = 'first_name,last_name,birth_date,school,grade,guardian_name,guardian_email,language';

/** A roster row; `last` is made unique per test so rows of different tests never match each other. */
function row(first: string, last: string, age: number, fields: Partial<Record<'school' | 'grade' | 'guardianName' | 'guardianEmail' | 'language' | 'birthDate', string>> = {}) {
  return [first, last, fields.birthDate ?? birthDateForAge(age), fields.school ?? '', fields.grade ?? '8', fields.guardianName ?? `Guardian of ${first}`, fields.guardianEmail ?? uniqueEmail(first.toLowerCase()), fields.language ?? 'en'].join(',');
}
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('School partners and roster imports (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let branchId: string;
  let coordinator: TestUser;
  let schoolId: string;

  const importRoster = (body: string, query: Record<string, string> = {}, as: TestUser = coordinator, branch = branchId) =>
    request(http).post(`/v1/branches/${branch}/roster-imports`).query(query).set(bearer(as)).set('Content-Type', 'text/csv').send(body);
  const teensNamed = (last: string) => db.query(`SELECT id, first_name, school, school_id, home_branch_id, consent_status, guardian_language FROM participant WHERE last_name = $1 ORDER BY first_name`, [last]);

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    branchId = await createBranch(app);
    coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
    schoolId = (await request(http).post(`/v1/branches/${branchId}/schools`).set(bearer(coordinator)).send({ name: 'Lincoln Middle School', contactName: 'Dana Ortiz', contactEmail: 'dortiz@lincoln.example.org' }).expect(201)).body.id;
    await request(http).post(`/v1/branches/${branchId}/schools`).set(bearer(coordinator)).send({ name: 'Roosevelt High' }).expect(201);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('partner schools', () => {
    it('are listed by name to the branch’s staff, changed and audited; contacts can be cleared', async () => {
      const list = await request(http).get(`/v1/branches/${branchId}/schools`).set(bearer(coordinator)).expect(200);
      expect(list.body.map((s: { name: string }) => s.name)).toEqual(['Lincoln Middle School', 'Roosevelt High']);
      expect(list.body[0]).toMatchObject({ contactName: 'Dana Ortiz', contactEmail: 'dortiz@lincoln.example.org', contactPhone: null });
      const changed = await request(http).patch(`/v1/branches/${branchId}/schools/${schoolId}`).set(bearer(coordinator)).send({ contactPhone: '+1 312 555 0142', contactName: null }).expect(200);
      expect(changed.body).toMatchObject({ name: 'Lincoln Middle School', contactName: null, contactPhone: '+1 312 555 0142' });
      const events = await db.query(`SELECT action, changes FROM audit_event WHERE entity_id = $1 ORDER BY at, id`, [schoolId]);
      expect(events).toEqual([
        { action: 'school.created', changes: { branchId, name: 'Lincoln Middle School' } },
        { action: 'school.changed', changes: { fields: ['contactName', 'contactPhone'] } },
      ]);
    });

    it('refuse a taken name (409), a bad e-mail naming the field (400), other branches’ staff (403), teens (403) and unknown branches (404)', async () => {
      const taken = await request(http).post(`/v1/branches/${branchId}/schools`).set(bearer(coordinator)).send({ name: 'Roosevelt High' }).expect(409);
      expect(taken.body.code).toBe('school-name-taken');
      const bad = await request(http).post(`/v1/branches/${branchId}/schools`).set(bearer(coordinator)).send({ name: 'X', contactEmail: 'not-mail' }).expect(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['contactEmail']);
      const other = await createUser(app, 'coordinator', { branchIds: [await createBranch(app)] });
      await request(http).get(`/v1/branches/${branchId}/schools`).set(bearer(other)).expect(403);
      await request(http).patch(`/v1/branches/${branchId}/schools/${schoolId}`).set(bearer(other)).send({ name: 'Mine' }).expect(403);
      const [teen] = await insertTeens(app, 1);
      await request(http).get(`/v1/branches/${branchId}/schools`).set(bearer(teen)).expect(403);
      await request(http).get(`/v1/branches/${randomUUID()}/schools`).set(bearer(coordinator)).expect(404);
      await request(http).patch(`/v1/branches/${branchId}/schools/${randomUUID()}`).set(bearer(coordinator)).send({ name: 'Y' }).expect(404);
    });
  });

  it('imports a school’s roster: every teen at the branch and school, each minor pending with the consent mail in the row’s language', async () => {
    const last = `Rivera${randomUUID().slice(0, 6)}`;
    const body = csv(row('Ana', last, 13, { language: 'es' }), row('Ben', last, 14, { grade: 'K' }), row('Cleo', last, 19));
    const res = await importRoster(body, { schoolId }).expect(201);
    expect(res.body).toMatchObject({ branchId, rows: 3, created: 3, matched: 0, knownElsewhere: 0, skipped: 0, consentMails: 2, enrollment: null });
    expect(res.body.results.map((r: { row: number; outcome: string; consentStatus: string }) => [r.row, r.outcome, r.consentStatus])).toEqual([
      [2, 'created', 'pending'],
      [3, 'created', 'pending'],
      [4, 'created', 'granted'],
    ]);
    const teens = await teensNamed(last);
    expect(teens.map((t: Record<string, unknown>) => [t.first_name, t.school, t.school_id, t.home_branch_id, t.consent_status, t.guardian_language])).toEqual([
      ['Ana', 'Lincoln Middle School', schoolId, branchId, 'pending', 'es'],
      ['Ben', 'Lincoln Middle School', schoolId, branchId, 'pending', 'en'],
      ['Cleo', 'Lincoln Middle School', schoolId, branchId, 'granted', 'en'],
    ]);
    const [ana, , cleo] = teens;
    const mails = await consentRequestsOf(app, ana.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ teenFirstName: 'Ana', language: 'es', consentUrl: expect.stringMatching(/\/consent\/[\w-]{43}$/) });
    // The link in the mail is a working consent link.
    const token = mails[0].consentUrl.split('/').pop();
    await request(http).get(`/v1/consents/${token}`).expect(200);
    expect(await consentRequestsOf(app, cleo.id)).toEqual([]);
    const created = await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'participant.created' AND entity_id = ANY($1::uuid[]) AND changes->>'via' = 'roster-import'`, [teens.map((t: { id: string }) => t.id)]);
    expect(created[0].n).toBe(3);
    const [imported] = await db.query(`SELECT changes FROM audit_event WHERE action = 'roster.imported' AND entity_id = $1 ORDER BY at DESC LIMIT 1`, [branchId]);
    expect(imported.changes).toMatchObject({ rows: 3, created: 3, consentMails: 2, schoolId });
  });

  it('refuses a roster with bad rows as a 422 naming each row and column, writing nothing; importGoodRows imports the others', async () => {
    const last = `Okafor${randomUUID().slice(0, 6)}`;
    const body = csv(
      row('Dee', last, 14),
      row('Eli', last, 14, { birthDate: '2031-02-30' }),
      row('', last, 15, { guardianEmail: 'nope' }),
      row('Fay', last, 14, { school: 'Hogwarts' }),
      row('Gus', last, 14, { grade: 'seventh', language: 'fr' }),
    );
    const before = await db.query(`SELECT (SELECT count(*) FROM participant)::int AS teens, (SELECT count(*) FROM outbox_message)::int AS mails`);
    const refused = await importRoster(body, { schoolId }).expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'roster-invalid', rows: 5, badRows: 4 });
    expect(refused.body.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [3, 'birth_date', 'isBirthDate'],
      [4, 'first_name', 'isLength'],
      [4, 'guardian_email', 'isEmail'],
      [5, 'school', 'isPartnerSchool'],
      [6, 'grade', 'isInt'],
      [6, 'language', 'isIn'],
    ]);
    expect(refused.body.errors[0].message).toContain('birth_date');
    expect(refused.body.errors[3].message).toContain('Lincoln Middle School, Roosevelt High');
    expect(await db.query(`SELECT (SELECT count(*) FROM participant)::int AS teens, (SELECT count(*) FROM outbox_message)::int AS mails`)).toEqual(before);

    const partial = await importRoster(body, { schoolId, importGoodRows: 'true' }).expect(201);
    expect(partial.body).toMatchObject({ rows: 5, created: 1, skipped: 4, consentMails: 1 });
    expect(partial.body.results.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'skipped'],
      [4, 'skipped'],
      [5, 'skipped'],
      [6, 'skipped'],
    ]);
    expect(partial.body.results[4].errors.map((e: { field: string }) => e.field)).toEqual(['grade', 'language']);
    expect((await teensNamed(last)).map((t: { first_name: string }) => t.first_name)).toEqual(['Dee']);
  });

  it('refuses files that are not rosters, naming what is wrong, and a body that is not CSV (415)', async () => {
    const missing = await importRoster('first_name,last_name\nAna,Diaz\n', { schoolId }).expect(422);
    expect(missing.body.code).toBe('roster-unreadable');
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['birth_date', 'guardian_name', 'guardian_email']);
    const unknown = await importRoster(`${HEADER},shoe_size\n`, { schoolId }).expect(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'shoe_size', code: 'isRosterColumn' })]);
    const noSchool = await importRoster('first_name,last_name,birth_date,guardian_name,guardian_email\n').expect(422);
    expect(noSchool.body.errors).toEqual([expect.objectContaining({ field: 'school', code: 'isDefined' })]);
    const quoting = await importRoster(`${HEADER}\n"Ana,Diaz\n`, { schoolId }).expect(422);
    expect(quoting.body.errors[0]).toMatchObject({ field: 'csv', code: 'isCsv' });
    const cells = await importRoster(`${HEADER}\nAna,Diaz\n`, { schoolId }).expect(422);
    expect(cells.body.errors[0]).toMatchObject({ row: 2, field: 'row', code: 'columnCount' });
    const json = await request(http).post(`/v1/branches/${branchId}/roster-imports`).set(bearer(coordinator)).send({ csv: HEADER }).expect(415);
    expect(json.headers['content-type']).toContain('application/problem+json');
    const badQuery = await importRoster(csv(), { importGoodRows: 'maybe' }).expect(400);
    expect(badQuery.body.errors[0].field).toBe('importGoodRows');
  });

  it('never creates a teen twice: matched by name and birth date or by name and guardian e-mail, and once within a file', async () => {
    const last = `Nguyen${randomUUID().slice(0, 6)}`;
    const guardian = uniqueEmail('guardian');
    const first = await importRoster(csv(row('Hana', last, 14, { guardianEmail: guardian }), row('Ivo', last, 15)), { schoolId }).expect(201);
    const [hana, ivo] = await teensNamed(last);
    // Hana again with a mistyped birth date but her guardian's address; Ivo again as he was; Hana's twin sister is new.
    const again = await importRoster(
      csv(
        row('HANA', last, 13, { guardianEmail: guardian.toUpperCase() }),
        row('Ivo', last, 15, { birthDate: (await db.query(`SELECT birth_date::text AS d FROM participant WHERE id = $1`, [ivo.id]))[0].d }),
        row('Mei', last, 14, { guardianEmail: guardian }),
        row('Mei', last, 14, { guardianEmail: guardian }),
      ),
      { schoolId, importGoodRows: 'true' },
    ).expect(201);
    expect(again.body).toMatchObject({ created: 1, matched: 2, skipped: 1, consentMails: 1 });
    expect(again.body.results.map((r: { outcome: string; participantId: string | null }) => [r.outcome, r.participantId])).toEqual([
      ['matched', hana.id],
      ['matched', ivo.id],
      ['created', expect.any(String)],
      ['skipped', null],
    ]);
    expect(again.body.results[3].errors[0]).toMatchObject({ field: 'row', code: 'isUniqueInRoster', message: 'row 5 is the same teen as row 4' });
    expect((await teensNamed(last)).map((t: { first_name: string }) => t.first_name)).toEqual(['Hana', 'Ivo', 'Mei']);
    // A matched teen's guardian is not mailed again.
    expect(await consentRequestsOf(app, hana.id)).toHaveLength(1);
    expect(first.body.created).toBe(2);
  });

  it('does not hand another branch’s teen to the importer: known elsewhere, no id, not enrolled, still unreachable', async () => {
    const last = `Haddad${randomUUID().slice(0, 6)}`;
    const elsewhere = await createBranch(app);
    const theirs = await createUser(app, 'coordinator', { branchIds: [elsewhere] });
    const birthDate = birthDateForAge(18);
    const known = await registerParticipant(app, theirs, { firstName: 'Jo', lastName: last, birthDate, homeBranchId: elsewhere });
    const club = await publishedProgram(app, { maxAge: 20 });
    const school = (await request(http).post(`/v1/branches/${club.branchId}/schools`).set(bearer(club.coordinator)).send({ name: 'Any School' }).expect(201)).body.id;
    const res = await importRoster(csv(row('Jo', last, 18, { birthDate })), { schoolId: school, programId: club.program.id }, club.coordinator, club.branchId).expect(201);
    expect(res.body).toMatchObject({ created: 0, matched: 0, knownElsewhere: 1, enrollment: { enrolled: 0, notEnrolled: 0 } });
    expect(res.body.results[0]).toEqual({ row: 2, outcome: 'known-elsewhere', participantId: null, consentStatus: null, enrollment: null, reason: null, errors: [] });
    expect(JSON.stringify(res.body)).not.toContain(known.id);
    expect((await seatState(app, club.program.id)).enrolledCount).toBe(0);
    await request(http).get(`/v1/participants/${known.id}`).set(bearer(club.coordinator)).expect(404);
  });

  it('enrolls the imported teens in the same step under capacity and waitlist; minors wait for consent; refuses another branch’s program or school', async () => {
    const club = await publishedProgram(app, { capacity: 2, waitlistEnabled: true, maxAge: 20 });
    const school = (await request(http).post(`/v1/branches/${club.branchId}/schools`).set(bearer(club.coordinator)).send({ name: 'Westside Academy' }).expect(201)).body.id;
    const last = `Kim${randomUUID().slice(0, 6)}`;
    const rows = csv(row('Kai', last, 19), row('Lu', last, 19), row('Max', last, 19), row('Nia', last, 14), row('Oz', last, 12));
    const res = await importRoster(rows, { schoolId: school, programId: club.program.id }, club.coordinator, club.branchId).expect(201);
    expect(res.body.enrollment).toEqual({ programId: club.program.id, enrolled: 2, offered: 0, waitlisted: 1, awaitingConsent: 1, notEnrolled: 1 });
    expect(res.body.results.map((r: { enrollment: string }) => r.enrollment)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'awaiting-consent', 'not-eligible']);
    expect(res.body.results[4].reason).toMatch(/ages 13 to 20/);
    const state = await seatState(app, club.program.id);
    expect(state).toMatchObject({ capacity: 2, enrolledCount: 2, waitlistedCount: 1, positions: [1] });
    // Sent again: nobody new, nobody enrolled twice.
    const again = await importRoster(rows, { schoolId: school, programId: club.program.id }, club.coordinator, club.branchId).expect(201);
    expect(again.body).toMatchObject({ created: 0, matched: 5 });
    expect(again.body.results.map((r: { enrollment: string }) => r.enrollment)).toEqual(['already-enrolled', 'already-enrolled', 'already-enrolled', 'awaiting-consent', 'not-eligible']);

    const other = await publishedProgram(app);
    const wrongProgram = await importRoster(rows, { schoolId: school, programId: other.program.id }, club.coordinator, club.branchId).expect(422);
    expect(wrongProgram.body.errors).toEqual([expect.objectContaining({ field: 'programId', code: 'exists' })]);
    const wrongSchool = await importRoster(rows, { schoolId }, club.coordinator, club.branchId).expect(422);
    expect(wrongSchool.body.errors).toEqual([expect.objectContaining({ field: 'schoolId', code: 'exists' })]);
    await importRoster(rows, { schoolId }, club.coordinator).expect(403);
  });

  it('enrolls a waiting minor in the consent’s own transaction; a declined consent or an erased teen leaves no place', async () => {
    const club = await publishedProgram(app, { capacity: 1, waitlistEnabled: true });
    const school = (await request(http).post(`/v1/branches/${club.branchId}/schools`).set(bearer(club.coordinator)).send({ name: 'Eastside Middle' }).expect(201)).body.id;
    const last = `Sato${randomUUID().slice(0, 6)}`;
    const res = await importRoster(csv(row('Pia', last, 14), row('Quin', last, 14), row('Rui', last, 15), row('Sol', last, 15)), { schoolId: school, programId: club.program.id }, club.coordinator, club.branchId).expect(201);
    expect(res.body.enrollment).toMatchObject({ enrolled: 0, awaitingConsent: 4 });
    expect(res.body.results[0]).toMatchObject({ enrollment: 'awaiting-consent', reason: 'enrolled once the guardian consents' });
    const [pia, quin, rui, sol] = res.body.results.map((r: { participantId: string }) => r.participantId);
    const answer = async (id: string, accept: boolean) => {
      const token = (await consentRequestsOf(app, id))[0].consentUrl.split('/').pop();
      await request(http).post(`/v1/consents/${token}`).send({ guardianName: 'A Guardian', accept }).expect(200);
    };
    const statusOf = async (id: string) => (await db.query(`SELECT status, waitlist_position FROM enrollment WHERE program_id = $1 AND participant_id = $2`, [club.program.id, id]))[0] ?? null;
    await answer(quin, true);
    expect(await statusOf(quin)).toEqual({ status: 'enrolled', waitlist_position: null });
    // Staff recording consent on paper works the same way; the one seat being taken, Pia waits in line.
    await request(http).put(`/v1/participants/${pia}/consent`).set(bearer(club.coordinator)).send({ status: 'granted', guardianName: 'A Guardian' }).expect(200);
    expect(await statusOf(pia)).toEqual({ status: 'waitlisted', waitlist_position: 1 });
    await answer(rui, false);
    expect(await statusOf(rui)).toBeNull();
    await request(http).delete(`/v1/participants/${sol}`).set(bearer(club.coordinator)).expect(204);
    expect(await db.query(`SELECT participant_id FROM pending_enrollment WHERE program_id = $1`, [club.program.id])).toEqual([{ participant_id: rui }]);
    expect(await seatState(app, club.program.id)).toMatchObject({ capacity: 1, enrolledCount: 1, waitlistedCount: 1 });
  });

  it('runs concurrent imports of one roster one at a time: each teen is created once', async () => {
    const last = `Petrov${randomUUID().slice(0, 6)}`;
    // Big enough that the imports overlap: without the lock each would create all of them.
    const body = csv(...Array.from({ length: 1500 }, (_, i) => row(`Teen${i}`, last, 14)));
    const answers = await Promise.all([importRoster(body, { schoolId }), importRoster(body, { schoolId }), importRoster(body, { schoolId })]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.body.created).sort()).toEqual([0, 0, 1500]);
    expect(await teensNamed(last)).toHaveLength(1500);
  });
});
