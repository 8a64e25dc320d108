import { OutboxRelay } from '@codeshelf/notifications';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { bearer, createUser } from './support/identity';
import { birthDateForAge, signUpTeen } from './support/people-factories';
import { type Inbox, startInbox } from './support/smtp';

/** The guardian is written to in the language the teen chose for them, and a teen can have the mail sent again. */
describe('Guardian language and consent resend (real SMTP)', () => {
  let inbox: Inbox;
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let relay: OutboxRelay;
  const saved = { SMTP_URL: process.env.SMTP_URL, PUBLIC_URL: process.env.PUBLIC_URL };

  beforeAll(async () => {
    inbox = await startInbox();
    Object.assign(process.env, { SMTP_URL: inbox.url, PUBLIC_URL: 'https://club.library.example' });
    app = await startTestApp();
    http = app.getHttpServer();
    relay = app.get(OutboxRelay);
  });

  afterAll(async () => {
    await app.close();
    await inbox.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  const recipient = (m: ParsedMail) => (Array.isArray(m.to) ? m.to.map((a) => a.text).join(', ') : (m.to?.text ?? ''));
  async function mailsTo(to: string) {
    while ((await relay.deliverDue(200)) > 0);
    return inbox.mails.filter((m) => recipient(m) === to);
  }
  const linkIn = (mail: ParsedMail) => /https:\/\/club\.library\.example\/consent\/([\w-]{43})/.exec(mail.text ?? '');
  const guardianOf = (teen: { body: Record<string, unknown> }) => (teen.body.participant as { guardianEmail: string }).guardianEmail;

  it('writes a Spanish-speaking guardian in Spanish, with the link to the app’s /consent/<token> page', async () => {
    const teen = await signUpTeen(app, { guardianLanguage: 'es', firstName: 'Lucía' });
    expect(teen.body.participant).toMatchObject({ guardianLanguage: 'es' });
    const [mail] = await mailsTo(guardianOf(teen));
    expect(mail.subject).toBe('Confirme, por favor, que Lucía puede unirse al club de programación');
    expect(mail.text).toContain('necesitamos su consentimiento');
    expect(mail.text).toContain('Revisar y responder');
    const link = linkIn(mail)!;
    expect(mail.html).toContain(link[0]);
    const opened = await request(http).get(`/v1/consents/${link[1]}`).expect(200);
    expect(opened.body).toMatchObject({ teenFirstName: 'Lucía', language: 'es' });
  });

  it('writes in English when no language is given', async () => {
    const teen = await signUpTeen(app);
    expect(teen.body.participant).toMatchObject({ guardianLanguage: 'en' });
    const [mail] = await mailsTo(guardianOf(teen));
    expect(mail.subject).toMatch(/^Please confirm .* may join the coding club$/);
    const opened = await request(http).get(`/v1/consents/${linkIn(mail)![1]}`).expect(200);
    expect(opened.body.language).toBe('en');
  });

  it('refuses a language it cannot write, naming the field', async () => {
    const res = await request(http)
      .post('/v1/auth/signup')
      .send({ email: 'fr@test.codeshelf.invalid', password: 'correct horse battery', firstName: 'A', lastName: 'B', birthDate: birthDateForAge(15), guardianName: 'G', guardianEmail: 'g@test.codeshelf.invalid', guardianLanguage: 'fr' })
      .expect(400);
    expect(JSON.stringify(res.body.errors)).toContain('guardianLanguage');
  });

  it('lets staff change the language the guardian is written to (en or es, audited), which the open link then speaks; the teen may not', async () => {
    const admin = await createUser(app, 'admin');
    const teen = await signUpTeen(app);
    const [mail] = await mailsTo(guardianOf(teen));
    const token = linkIn(mail)![1];
    const path = `/v1/participants/${teen.participantId}`;

    const refused = await request(http).patch(path).set(bearer(admin)).send({ guardianLanguage: 'fr' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'guardianLanguage' })]);
    const own = await request(http).patch(path).set(bearer(teen)).send({ guardianLanguage: 'es' }).expect(400);
    expect(own.body.errors).toEqual([expect.objectContaining({ field: 'guardianLanguage' })]);

    const changed = await request(http).patch(path).set(bearer(admin)).send({ guardianLanguage: 'es' }).expect(200);
    expect(changed.body.guardianLanguage).toBe('es');
    expect((await request(http).get(`/v1/consents/${token}`).expect(200)).body.language).toBe('es');
    const [event] = await app.get(DataSource).query(`SELECT actor_id, changes FROM audit_event WHERE entity_id = $1 AND action = 'participant.updated'`, [teen.participantId]);
    expect(event).toEqual({ actor_id: admin.id, changes: { fields: ['guardianLanguage'] } });
  });

  it('mails the guardian again on the teen’s request: a new link, and the old one stops', async () => {
    const teen = await signUpTeen(app, { guardianLanguage: 'es' });
    const [first] = await mailsTo(guardianOf(teen));
    const sent = await request(http).post('/v1/me/consent-request').set(bearer(teen)).expect(202);
    expect(new Date(sent.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const mails = await mailsTo(guardianOf(teen));
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toContain('Confirme');
    const [oldToken, newToken] = [linkIn(first)![1], linkIn(mails[1])![1]];
    expect(newToken).not.toBe(oldToken);
    await request(http).get(`/v1/consents/${oldToken}`).expect(410);
    await request(http).post(`/v1/consents/${oldToken}`).send({ guardianName: 'Ana', accept: true }).expect(410);
    await request(http).post(`/v1/consents/${newToken}`).send({ guardianName: 'Ana', accept: true }).expect(200);
    const after = await request(http).post('/v1/me/consent-request').set(bearer(teen)).expect(409);
    expect(after.body.type).toContain('consent-not-pending');
  });

  it('answers 409 to an adult teen, whose consent is not pending', async () => {
    const adult = await signUpTeen(app, { birthDate: birthDateForAge(19) });
    await request(http).post('/v1/me/consent-request').set(bearer(adult)).expect(409);
  });

  it('lets a teen ask at most 3 times an hour, so nobody’s guardian is flooded', async () => {
    const teen = await signUpTeen(app);
    for (let i = 0; i < 3; i++) await request(http).post('/v1/me/consent-request').set(bearer(teen)).expect(202);
    const res = await request(http).post('/v1/me/consent-request').set(bearer(teen)).expect(429);
    expect(res.headers['retry-after']).toBeDefined();
    const [{ count }] = await app.get(DataSource).query(`SELECT count(*)::int FROM outbox_message WHERE topic = 'guardian.consent_requested' AND payload->>'participantId' = $1`, [teen.participantId]);
    expect(count).toBe(4);
  });
});
