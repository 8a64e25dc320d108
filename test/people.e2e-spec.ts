import { type AppEnv, envConfig } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram } from './support/enrollment-factories';
import { bearer, createBranch, createUser, login, PASSWORD, uniqueEmail } from './support/identity';
import { birthDateForAge, consentRequestsOf, consentTokenOf, registerParticipant, signUpTeen, someAddress } from './support/people-factories';

describe('People (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const participantRow = async (id: string) => (await db.query(`SELECT * FROM participant WHERE id = $1`, [id]))[0];
  const auditOf = (id: string, action: string) =>
    db.query(`SELECT actor_id, actor_kind, changes FROM audit_event WHERE entity = 'participant' AND entity_id = $1 AND action = $2 ORDER BY at`, [id, action]);
  const answer = (token: string, body: Record<string, unknown>) => request(http).post(`/v1/consents/${token}`).send(body);

  describe('sign-up', () => {
    it('refuses a teen naming their own address as their guardian’s, so the consent link never reaches them', async () => {
      const email = uniqueEmail('self-guardian');
      const res = await request(http)
        .post('/v1/auth/signup')
        .set('X-Forwarded-For', someAddress())
        .send({ email, password: PASSWORD, firstName: 'Sam', lastName: 'Self', birthDate: birthDateForAge(14), guardianName: 'Sam', guardianEmail: email.toUpperCase() })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'guardianEmail' })]);
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM user_account WHERE email = $1`, [email]);
      expect(count).toBe(0);
    });

    it('starts a minor as pending and e-mails their guardian a single-use consent link', async () => {
      const guardianEmail = uniqueEmail('guardian');
      const teen = await signUpTeen(app, { guardianEmail, firstName: 'Ada' });
      const body = teen.body as { participant: Record<string, unknown>; user: Record<string, unknown> };
      expect(body.participant).toMatchObject({ consentStatus: 'pending', consentGrantedAt: null, hasAccount: true, homeBranchId: null, guardianEmail });
      expect(body.user).toEqual({ id: teen.userId, email: teen.email, role: 'participant', displayName: `Ada ${body.participant.lastName}` });
      expect(Object.keys(body)).toEqual(['participant', 'user']);
      expect(body.participant.userId).toBeUndefined();

      const [message] = await consentRequestsOf(app, teen.participantId);
      expect(message).toMatchObject({ guardianEmail, guardianName: 'Anne Isabella', teenFirstName: 'Ada' });
      const publicUrl = app.get<AppEnv>(envConfig.KEY).PUBLIC_URL.replace(/\/+$/, '');
      expect(message.consentUrl.startsWith(`${publicUrl}/consent/`)).toBe(true);
      expect(message.consentUrl).toMatch(/\/[A-Za-z0-9_-]{43}$/);
      expect(new Date(message.expiresAt).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
      // Only the hash of the token is kept.
      const token = message.consentUrl.split('/').pop()!;
      const stored = await db.query(`SELECT token_hash FROM guardian_consent_token WHERE participant_id = $1`, [teen.participantId]);
      expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    });

    it('starts an adult as granted, with no guardian to ask', async () => {
      const teen = await signUpTeen(app, { birthDate: birthDateForAge(19) });
      expect(teen.body).toMatchObject({ participant: { consentStatus: 'granted', hasAccount: true } });
      expect((teen.body.participant as { consentGrantedAt: string }).consentGrantedAt).toEqual(expect.any(String));
      expect(await consentRequestsOf(app, teen.participantId)).toEqual([]);
    });

    it('asks only a minor for a guardian: an adult signs up without one, a minor without one is a 400 naming both fields', async () => {
      const person = (age: number) => ({ email: uniqueEmail('no-guardian'), password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace', birthDate: birthDateForAge(age) });
      const adult = await request(http).post('/v1/auth/signup').set('X-Forwarded-For', someAddress()).send(person(19)).expect(201);
      expect(adult.body.participant).toMatchObject({ consentStatus: 'granted', guardianName: null, guardianEmail: null });
      const minor = person(15);
      const refused = await request(http).post('/v1/auth/signup').set('X-Forwarded-For', someAddress()).send(minor).expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['guardianEmail', 'guardianName']);
      expect((await db.query(`SELECT count(*)::int AS n FROM user_account WHERE email = $1`, [minor.email]))[0].n).toBe(0);
    });

    it('answers a taken e-mail with 409 and leaves no participant behind', async () => {
      const teen = await signUpTeen(app);
      const lastName = `Twin-${Date.now()}`;
      const res = await request(http)
        .post('/v1/auth/signup')
        .set('X-Forwarded-For', someAddress())
        .send({ email: teen.email.toUpperCase(), password: PASSWORD, firstName: 'Ada', lastName, birthDate: birthDateForAge(15), guardianName: 'G', guardianEmail: uniqueEmail('g') })
        .expect(409);
      expect(res.body.code).toBe('email-taken');
      expect(await db.query(`SELECT id FROM participant WHERE last_name = $1`, [lastName])).toEqual([]);
    });

    it('names the field of a future birth date, a short password or a role it does not accept', async () => {
      const base = { email: uniqueEmail('teen'), password: PASSWORD, firstName: 'A', lastName: 'B', birthDate: birthDateForAge(15), guardianName: 'G', guardianEmail: uniqueEmail('g') };
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, birthDate: tomorrow }, 'birthDate'],
        [{ ...base, birthDate: '2011-02-30' }, 'birthDate'],
        [{ ...base, password: 'short' }, 'password'],
        [{ ...base, role: 'admin' }, 'role'],
      ];
      for (const [body, field] of cases) {
        const res = await request(http).post('/v1/auth/signup').set('X-Forwarded-For', someAddress()).send(body).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      expect(await db.query(`SELECT id FROM user_account WHERE email = $1`, [base.email])).toEqual([]);
    });
  });

  describe('guardian consent link', () => {
    it('grants consent, tells the guardian only the id and the status, and audits the anonymous answer', async () => {
      const teen = await signUpTeen(app);
      const res = await answer(await consentTokenOf(app, teen.participantId), { guardianName: 'Anne Isabella Milbanke', accept: true }).expect(200);
      expect(res.body).toEqual({ participantId: teen.participantId, consentStatus: 'granted' });
      const row = await participantRow(teen.participantId);
      expect(row.consent_status).toBe('granted');
      expect(row.consent_granted_at).toBeInstanceOf(Date);
      const [event] = await auditOf(teen.participantId, 'participant.consent_granted');
      expect(event).toMatchObject({ actor_id: null, actor_kind: 'anonymous', changes: { guardianName: 'Anne Isabella Milbanke', via: 'link' } });
    });

    it('tells whoever opens the link whose consent it asks for, until it is used', async () => {
      const teen = await signUpTeen(app, { firstName: 'Tess', guardianName: 'Gina Guardian' });
      const token = await consentTokenOf(app, teen.participantId);
      const opened = await request(app.getHttpServer()).get(`/v1/consents/${token}`).expect(200);
      expect(Object.keys(opened.body).sort()).toEqual(['expiresAt', 'guardianName', 'language', 'teenFirstName']);
      expect(opened.body).toMatchObject({ teenFirstName: 'Tess', guardianName: 'Gina Guardian', language: 'en' });
      await answer(token, { guardianName: 'Gina Guardian', accept: true }).expect(200);
      await request(app.getHttpServer()).get(`/v1/consents/${token}`).expect(410);
      await request(app.getHttpServer()).get('/v1/consents/never-sent').expect(404);
    });

    it('records a decline as revoked, audited as declined', async () => {
      const teen = await signUpTeen(app);
      const res = await answer(await consentTokenOf(app, teen.participantId), { guardianName: 'Anne', accept: false }).expect(200);
      expect(res.body.consentStatus).toBe('revoked');
      expect((await participantRow(teen.participantId)).consent_status).toBe('revoked');
      expect(await auditOf(teen.participantId, 'participant.consent_declined')).toHaveLength(1);
      expect(await auditOf(teen.participantId, 'participant.consent_granted')).toHaveLength(0);
    });

    it('works once: a second use is 410 and cannot change the answer', async () => {
      const teen = await signUpTeen(app);
      const token = await consentTokenOf(app, teen.participantId);
      await answer(token, { guardianName: 'Anne', accept: true }).expect(200);
      const again = await answer(token, { guardianName: 'Anne', accept: false }).expect(410);
      expect(again.body.code).toBe('consent-link-gone');
      expect((await participantRow(teen.participantId)).consent_status).toBe('granted');
    });

    it('lets exactly one of two simultaneous uses through', async () => {
      const teen = await signUpTeen(app);
      const token = await consentTokenOf(app, teen.participantId);
      const results = await Promise.all([answer(token, { guardianName: 'A', accept: true }), answer(token, { guardianName: 'B', accept: false })]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
      const winner = results.find((r) => r.status === 200)!;
      expect((await participantRow(teen.participantId)).consent_status).toBe(winner.body.consentStatus);
      const events = await db.query(`SELECT id FROM audit_event WHERE entity_id = $1 AND action LIKE 'participant.consent_%'`, [teen.participantId]);
      expect(events).toHaveLength(1);
    });

    it('answers 410 to an expired link and leaves the teen pending', async () => {
      const teen = await signUpTeen(app);
      const token = await consentTokenOf(app, teen.participantId);
      await db.query(`UPDATE guardian_consent_token SET expires_at = now() - interval '1 minute' WHERE participant_id = $1`, [teen.participantId]);
      const res = await answer(token, { guardianName: 'Anne', accept: true }).expect(410);
      expect(res.body.code).toBe('consent-link-gone');
      expect((await participantRow(teen.participantId)).consent_status).toBe('pending');
    });

    it('answers 404 to a token it never sent, and 400 naming a missing answer', async () => {
      const unknown = await answer('A'.repeat(43), { guardianName: 'Anne', accept: true }).expect(404);
      expect(unknown.body.code).toBe('consent-link-not-found');
      const teen = await signUpTeen(app);
      const missing = await answer(await consentTokenOf(app, teen.participantId), { guardianName: 'Anne' }).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['accept']);
      expect((await participantRow(teen.participantId)).consent_status).toBe('pending');
    });
  });

  describe('consent recorded by staff', () => {
    it('never lets a teen mark themself consented', async () => {
      const teen = await signUpTeen(app);
      const res = await request(http).put(`/v1/participants/${teen.participantId}/consent`).set(bearer(teen)).send({ status: 'granted', guardianName: 'Me' }).expect(403);
      expect(res.body.code).toBe('forbidden');
      expect((await participantRow(teen.participantId)).consent_status).toBe('pending');
    });

    it('lets the coordinator of the home branch record and revoke consent, audited, retiring the open link', async () => {
      const branchId = await createBranch(app);
      const coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
      const teen = await registerParticipant(app, coordinator, { homeBranchId: branchId });
      const link = await consentTokenOf(app, teen.id);

      const granted = await request(http).put(`/v1/participants/${teen.id}/consent`).set(bearer(coordinator)).send({ status: 'granted', guardianName: 'Walter' }).expect(200);
      expect(granted.body).toMatchObject({ id: teen.id, consentStatus: 'granted', consentGrantedAt: expect.any(String) });
      const revoked = await request(http).put(`/v1/participants/${teen.id}/consent`).set(bearer(coordinator)).send({ status: 'revoked', guardianName: 'Walter' }).expect(200);
      expect(revoked.body).toMatchObject({ consentStatus: 'revoked', consentGrantedAt: null });

      expect(await auditOf(teen.id, 'participant.consent_granted')).toEqual([
        { actor_id: coordinator.id, actor_kind: 'user', changes: expect.objectContaining({ guardianName: 'Walter', via: 'staff', from: 'pending', to: 'granted' }) },
      ]);
      expect(await auditOf(teen.id, 'participant.consent_revoked')).toEqual([
        { actor_id: coordinator.id, actor_kind: 'user', changes: expect.objectContaining({ from: 'granted', to: 'revoked' }) },
      ]);
      // The decision was taken another way: the e-mailed link no longer overrides it.
      await answer(link, { guardianName: 'Walter', accept: true }).expect(410);
      expect((await participantRow(teen.id)).consent_status).toBe('revoked');
    });

    it('hides a participant of another branch from a coordinator (404) and refuses a bad status (400)', async () => {
      const [mine, theirs] = [await createBranch(app), await createBranch(app)];
      const admin = await createUser(app, 'admin');
      const coordinator = await createUser(app, 'coordinator', { branchIds: [mine] });
      const other = await registerParticipant(app, admin, { homeBranchId: theirs });
      const res = await request(http).put(`/v1/participants/${other.id}/consent`).set(bearer(coordinator)).send({ status: 'granted', guardianName: 'W' }).expect(404);
      expect(res.body.code).toBe('participant-not-found');
      const bad = await request(http).put(`/v1/participants/${other.id}/consent`).set(bearer(admin)).send({ status: 'pending', guardianName: 'W' }).expect(400);
      expect(bad.body.errors[0].field).toBe('status');
      expect((await participantRow(other.id)).consent_status).toBe('pending');
    });
  });

  describe('a teen’s own record', () => {
    it('lets the teen read themself without an audit entry, but not another teen (404)', async () => {
      const [teen, other] = [await signUpTeen(app), await signUpTeen(app)];
      const own = await request(http).get(`/v1/participants/${teen.participantId}`).set(bearer(teen)).expect(200);
      expect(own.body).toMatchObject({ id: teen.participantId, hasAccount: true, consentStatus: 'pending' });
      expect(own.body.userId).toBeUndefined();
      expect(await auditOf(teen.participantId, 'participant.viewed')).toEqual([]);
      const res = await request(http).get(`/v1/participants/${other.participantId}`).set(bearer(teen)).expect(404);
      expect(res.body.code).toBe('participant-not-found');
      await request(http).patch(`/v1/participants/${other.participantId}`).set(bearer(teen)).send({ school: 'Mine now' }).expect(404);
      expect((await participantRow(other.participantId)).school).toBeNull();
    });

    it('lets the teen change their school, grade and contact details', async () => {
      const teen = await signUpTeen(app);
      const contactEmail = uniqueEmail('ada');
      const res = await request(http)
        .patch(`/v1/participants/${teen.participantId}`)
        .set(bearer(teen))
        .send({ school: 'Lincoln High', grade: 10, contactEmail, gender: 'she/her', postalCode: '60614' })
        .expect(200);
      expect(res.body).toMatchObject({ school: 'Lincoln High', grade: 10, contactEmail, gender: 'she/her', postalCode: '60614' });
      expect(await participantRow(teen.participantId)).toMatchObject({ school: 'Lincoln High', grade: 10, contact_email: contactEmail });
      const [event] = await auditOf(teen.participantId, 'participant.updated');
      expect(event.changes.fields.sort()).toEqual(['contactEmail', 'gender', 'grade', 'postalCode', 'school']);
    });

    it.each([
      ['role', 'admin'],
      ['consentStatus', 'granted'],
      ['userId', '00000000-0000-4000-8000-000000000000'],
      ['firstName', 'Someone'],
      ['guardianEmail', 'me@test.codeshelf.invalid'],
      ['homeBranchId', '00000000-0000-4000-8000-000000000000'],
    ])('refuses a teen’s PATCH carrying %s with a 400 naming it, and changes nothing', async (field, value) => {
      const teen = await signUpTeen(app);
      const before = await participantRow(teen.participantId);
      const res = await request(http).patch(`/v1/participants/${teen.participantId}`).set(bearer(teen)).send({ school: 'Sneaky High', [field]: value }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([{ field, code: 'whitelistValidation', message: `${field} is not an accepted field` }]);
      expect(await participantRow(teen.participantId)).toEqual(before);
      const role = await db.query(`SELECT role FROM user_account WHERE id = $1`, [teen.userId]);
      expect(role).toEqual([{ role: 'participant' }]);
    });

    it('lets a minor withdraw media consent but not give it', async () => {
      const teen = await signUpTeen(app);
      await db.query(`UPDATE participant SET media_consent = true WHERE id = $1`, [teen.participantId]);
      await request(http).patch(`/v1/participants/${teen.participantId}`).set(bearer(teen)).send({ mediaConsent: false }).expect(200);
      const refused = await request(http).patch(`/v1/participants/${teen.participantId}`).set(bearer(teen)).send({ mediaConsent: true }).expect(403);
      expect(refused.body.code).toBe('media-consent-needs-guardian');
      expect((await participantRow(teen.participantId)).media_consent).toBe(false);
      const adult = await signUpTeen(app, { birthDate: birthDateForAge(18) });
      const res = await request(http).patch(`/v1/participants/${adult.participantId}`).set(bearer(adult)).send({ mediaConsent: true }).expect(200);
      expect(res.body.mediaConsent).toBe(true);
    });
  });

  describe('participants managed by staff', () => {
    it('registers a minor for the coordinator’s branch as pending and e-mails the guardian', async () => {
      const branchId = await createBranch(app);
      const coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
      const guardianEmail = uniqueEmail('guardian');
      const created = await registerParticipant(app, coordinator, { homeBranchId: branchId, guardianEmail, school: 'Lane Tech', grade: 9 });
      expect(created).toMatchObject({ homeBranchId: branchId, consentStatus: 'pending', hasAccount: false, school: 'Lane Tech', grade: 9 });
      const [message] = await consentRequestsOf(app, created.id);
      expect(message.guardianEmail).toBe(guardianEmail);
      const [event] = await auditOf(created.id, 'participant.created');
      expect(event).toMatchObject({ actor_id: coordinator.id, changes: { via: 'staff', consentStatus: 'pending' } });
    });

    it('requires a coordinator to name one of their own branches', async () => {
      const [mine, theirs] = [await createBranch(app), await createBranch(app)];
      const coordinator = await createUser(app, 'coordinator', { branchIds: [mine] });
      const base = { firstName: 'Grace', lastName: `Nobranch-${Date.now()}`, birthDate: birthDateForAge(14), guardianName: 'W', guardianEmail: uniqueEmail('g') };
      const missing = await request(http).post('/v1/participants').set(bearer(coordinator)).send(base).expect(400);
      expect(missing.body.errors[0].field).toBe('homeBranchId');
      const foreign = await request(http).post('/v1/participants').set(bearer(coordinator)).send({ ...base, homeBranchId: theirs }).expect(403);
      expect(foreign.body.code).toBe('branch-not-yours');
      expect(await db.query(`SELECT id FROM participant WHERE last_name = $1`, [base.lastName])).toEqual([]);
    });

    it('answers an admin naming a branch that does not exist with 422 naming homeBranchId', async () => {
      const admin = await createUser(app, 'admin');
      const res = await request(http)
        .post('/v1/participants')
        .set(bearer(admin))
        .send({ firstName: 'G', lastName: 'H', birthDate: birthDateForAge(14), guardianName: 'W', guardianEmail: uniqueEmail('g'), homeBranchId: '00000000-0000-4000-8000-000000000000' })
        .expect(422);
      expect(res.body.errors).toEqual([{ field: 'homeBranchId', code: 'exists', message: 'no such branch' }]);
    });

    it('audits every staff read of a participant', async () => {
      const branchId = await createBranch(app);
      const coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
      const teen = await registerParticipant(app, coordinator, { homeBranchId: branchId });
      await request(http).get(`/v1/participants/${teen.id}`).set(bearer(coordinator)).expect(200);
      expect(await auditOf(teen.id, 'participant.viewed')).toEqual([{ actor_id: coordinator.id, actor_kind: 'user', changes: { via: 'get' } }]);
    });

    it('hides another branch’s participant from a coordinator: 404 to read or change', async () => {
      const [mine, theirs] = [await createBranch(app), await createBranch(app)];
      const coordinator = await createUser(app, 'coordinator', { branchIds: [mine] });
      const admin = await createUser(app, 'admin');
      const other = await registerParticipant(app, admin, { homeBranchId: theirs });
      const read = await request(http).get(`/v1/participants/${other.id}`).set(bearer(coordinator)).expect(404);
      expect(read.body.code).toBe('participant-not-found');
      await request(http).patch(`/v1/participants/${other.id}`).set(bearer(coordinator)).send({ homeBranchId: mine }).expect(404);
      expect((await participantRow(other.id)).home_branch_id).toBe(theirs);
      expect(await auditOf(other.id, 'participant.viewed')).toEqual([]);
    });

    it('lets the coordinator of a program a teen holds a place in look after them, until they leave it; no other coordinator', async () => {
      const club = await publishedProgram(app);
      const stranger = (await publishedProgram(app)).coordinator;
      // Signed up on their own: no home branch, so only the place in the program makes them the club's.
      const [teen] = await insertTeens(app, 1);
      const staffCalls = (who: { token: string }) => [
        request(http).get(`/v1/participants/${teen.participantId}`).set(bearer(who)),
        request(http).patch(`/v1/participants/${teen.participantId}`).set(bearer(who)).send({ school: 'Lincoln High' }),
        request(http).put(`/v1/participants/${teen.participantId}/consent`).set(bearer(who)).send({ status: 'granted', guardianName: 'On paper' }),
        request(http).get(`/v1/participants/${teen.participantId}/attendance`).set(bearer(who)),
      ];
      const statuses = async (who: { token: string }) => Promise.all(staffCalls(who).map(async (call) => (await call).status));
      const listed = async (who: { token: string }) =>
        (await request(http).get('/v1/participants').query({ limit: 200 }).set(bearer(who)).expect(200)).body.items.map((p: { id: string }) => p.id);
      expect(await statuses(club.coordinator)).toEqual([404, 404, 404, 404]);
      const { body: enrollment } = await request(http).post(`/v1/programs/${club.program.id}/enrollments`).set(bearer(teen)).expect(201);
      expect(await statuses(club.coordinator)).toEqual([200, 200, 200, 200]);
      expect(await listed(club.coordinator)).toEqual([teen.participantId]);
      expect(await statuses(stranger)).toEqual([404, 404, 404, 404]);
      expect(await listed(stranger)).toEqual([]);
      await request(http).post(`/v1/enrollments/${enrollment.id}/withdraw`).set(bearer(teen)).expect(200);
      expect(await statuses(club.coordinator)).toEqual([404, 404, 404, 404]);
      expect(await listed(club.coordinator)).toEqual([]);
    });

    it('lets the coordinator of a program look after another branch’s teen who holds a place in it, but not move them to their own branch', async () => {
      const club = await publishedProgram(app);
      const home = await createBranch(app);
      const [teen] = await insertTeens(app, 1);
      await db.query(`UPDATE participant SET home_branch_id = $2 WHERE id = $1`, [teen.participantId, home]);
      await request(http).post(`/v1/programs/${club.program.id}/enrollments`).set(bearer(teen)).expect(201);
      await request(http).patch(`/v1/participants/${teen.participantId}`).set(bearer(club.coordinator)).send({ school: 'Lincoln High' }).expect(200);
      const move = await request(http).patch(`/v1/participants/${teen.participantId}`).set(bearer(club.coordinator)).send({ homeBranchId: club.branchId }).expect(403);
      expect(move.body.errors).toEqual([{ field: 'homeBranchId', code: expect.any(String), message: expect.any(String) }]);
      expect((await participantRow(teen.participantId)).home_branch_id).toBe(home);
    });

    it('lets a coordinator move a teen only between their own branches', async () => {
      const [a, b, elsewhere] = [await createBranch(app), await createBranch(app), await createBranch(app)];
      const coordinator = await createUser(app, 'coordinator', { branchIds: [a, b] });
      const teen = await registerParticipant(app, coordinator, { homeBranchId: a });
      const moved = await request(http).patch(`/v1/participants/${teen.id}`).set(bearer(coordinator)).send({ homeBranchId: b, lastName: 'Hopper' }).expect(200);
      expect(moved.body).toMatchObject({ homeBranchId: b, lastName: 'Hopper' });
      const refused = await request(http).patch(`/v1/participants/${teen.id}`).set(bearer(coordinator)).send({ homeBranchId: elsewhere }).expect(403);
      expect(refused.body.code).toBe('branch-not-yours');
      await request(http).patch(`/v1/participants/${teen.id}`).set(bearer(coordinator)).send({ homeBranchId: null }).expect(403);
      expect((await participantRow(teen.id)).home_branch_id).toBe(b);
    });

    it('sends a new consent link when staff correct a pending minor’s guardian e-mail, and retires the old one', async () => {
      const branchId = await createBranch(app);
      const coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
      const teen = await registerParticipant(app, coordinator, { homeBranchId: branchId });
      const oldLink = await consentTokenOf(app, teen.id);
      const guardianEmail = uniqueEmail('right-guardian');
      await request(http).patch(`/v1/participants/${teen.id}`).set(bearer(coordinator)).send({ guardianEmail }).expect(200);
      const requests = await consentRequestsOf(app, teen.id);
      expect(requests.map((r) => r.guardianEmail)).toEqual([teen.guardianEmail, guardianEmail]);
      await answer(oldLink, { guardianName: 'W', accept: true }).expect(410);
      await answer(await consentTokenOf(app, teen.id), { guardianName: 'W', accept: true }).expect(200);
    });

    it('asks the guardian again when staff correct an adult’s birth date to a minor’s', async () => {
      const admin = await createUser(app, 'admin');
      const adult = await registerParticipant(app, admin, { birthDate: birthDateForAge(20) });
      expect(adult.consentStatus).toBe('granted');
      expect(await consentRequestsOf(app, adult.id)).toEqual([]);
      const res = await request(http).patch(`/v1/participants/${adult.id}`).set(bearer(admin)).send({ birthDate: birthDateForAge(16) }).expect(200);
      expect(res.body).toMatchObject({ consentStatus: 'pending', consentGrantedAt: null });
      expect(await consentRequestsOf(app, adult.id)).toHaveLength(1);
    });

    it('lets a pending minor corrected to an adult consent for themself, retiring the guardian’s link', async () => {
      const admin = await createUser(app, 'admin');
      const minor = await registerParticipant(app, admin, { birthDate: birthDateForAge(15) });
      const link = await consentTokenOf(app, minor.id);
      const res = await request(http).patch(`/v1/participants/${minor.id}`).set(bearer(admin)).send({ birthDate: birthDateForAge(19) }).expect(200);
      expect(res.body.consentStatus).toBe('granted');
      await answer(link, { guardianName: 'G', accept: false }).expect(410);
    });

    it('lets a signed-in teen find their own participant record', async () => {
      const teen = await signUpTeen(app);
      const own = await request(http).get('/v1/me/participant').set(bearer(teen)).expect(200);
      expect(own.body.id).toBe(teen.participantId);
      const staffOnly = await createUser(app, 'coordinator');
      await request(http).get('/v1/me/participant').set(bearer(staffOnly)).expect(403);
    });

    it('refuses mentors and sponsors on participant routes', async () => {
      const admin = await createUser(app, 'admin');
      const teen = await registerParticipant(app, admin);
      for (const role of ['mentor', 'sponsor'] as const) {
        const user = await createUser(app, role);
        await request(http).get('/v1/participants').set(bearer(user)).expect(403);
        await request(http).get(`/v1/participants/${teen.id}`).set(bearer(user)).expect(403);
        await request(http).patch(`/v1/participants/${teen.id}`).set(bearer(user)).send({ school: 'X' }).expect(403);
      }
      const teenUser = await signUpTeen(app);
      await request(http).get('/v1/participants').set(bearer(teenUser)).expect(403);
      await request(http).post('/v1/participants').set(bearer(teenUser)).send({}).expect(403);
    });
  });

  describe('lists', () => {
    it('shows a coordinator only the participants of their branches, and an admin all of them', async () => {
      const [mine, theirs] = [await createBranch(app), await createBranch(app)];
      const admin = await createUser(app, 'admin');
      const coordinator = await createUser(app, 'coordinator', { branchIds: [mine] });
      const own = await registerParticipant(app, coordinator, { homeBranchId: mine });
      const other = await registerParticipant(app, admin, { homeBranchId: theirs });
      const unplaced = await registerParticipant(app, admin);

      const seen = await request(http).get('/v1/participants').query({ limit: 200 }).set(bearer(coordinator)).expect(200);
      const coordinatorIds = seen.body.items.map((p: { id: string }) => p.id);
      expect(coordinatorIds).toEqual([own.id]);

      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await request(http)
          .get('/v1/participants')
          .query({ limit: 200, ...(cursor ? { cursor } : {}) })
          .set(bearer(admin))
          .expect(200);
        all.push(...page.body.items.map((p) => p.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(all).toEqual(expect.arrayContaining([own.id, other.id, unplaced.id]));
    });

    it('filters by name and consent status, and audits the read with the ids it showed', async () => {
      const branchId = await createBranch(app);
      const coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
      const marker = `Zq${Date.now().toString(36)}`;
      const pending = await registerParticipant(app, coordinator, { homeBranchId: branchId, lastName: `${marker}_one` });
      const granted = await registerParticipant(app, coordinator, { homeBranchId: branchId, lastName: `${marker}%two`, birthDate: birthDateForAge(19) });
      await registerParticipant(app, coordinator, { homeBranchId: branchId, lastName: 'Unrelated' });

      const byName = await request(http).get('/v1/participants').query({ q: `grace ${marker.toLowerCase()}` }).set(bearer(coordinator)).expect(200);
      expect(byName.body.items.map((p: { id: string }) => p.id)).toEqual([pending.id, granted.id]);
      // LIKE wildcards in the search are taken literally.
      const literal = await request(http).get('/v1/participants').query({ q: `${marker}%` }).set(bearer(coordinator)).expect(200);
      expect(literal.body.items.map((p: { id: string }) => p.id)).toEqual([granted.id]);
      const byStatus = await request(http).get('/v1/participants').query({ q: marker, consentStatus: 'granted' }).set(bearer(coordinator)).expect(200);
      expect(byStatus.body.items.map((p: { id: string }) => p.id)).toEqual([granted.id]);
      await request(http).get('/v1/participants').query({ consentStatus: 'maybe' }).set(bearer(coordinator)).expect(400);

      const events = await db.query(
        `SELECT changes FROM audit_event WHERE action = 'participant.viewed' AND actor_id = $1 AND changes->>'via' = 'list' ORDER BY at`,
        [coordinator.id],
      );
      expect(events.map((e: { changes: { ids: string[] } }) => e.changes.ids)).toEqual([[pending.id, granted.id], [granted.id], [granted.id]]);
    });

    it('logs a teen in with the password they signed up with', async () => {
      const teen = await signUpTeen(app);
      const token = await login(app, teen.email);
      const me = await request(http).get('/v1/me').set({ Authorization: `Bearer ${token}` }).expect(200);
      expect(me.body).toMatchObject({ id: teen.userId, role: 'participant' });
    });
  });
});
