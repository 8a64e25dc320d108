import { IdempotencySweep } from '@codeshelf/core';
import { OutboxRelay } from '@codeshelf/notifications';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram } from './support/enrollment-factories';
import { bearer, createUser, type TestUser } from './support/identity';
import { signUpTeen } from './support/people-factories';
import { type Inbox, startInbox } from './support/smtp';

/** The outbox delivered by e-mail to a real SMTP server on loopback, by one worker and by two. */
describe('Notifications by e-mail (outbox relay, SMTP)', () => {
  let inbox: Inbox;
  let apps: NestFastifyApplication[];
  let relays: OutboxRelay[];
  let db: DataSource;
  let admin: TestUser;
  const saved = { SMTP_URL: process.env.SMTP_URL, OUTBOX_MAX_ATTEMPTS: process.env.OUTBOX_MAX_ATTEMPTS };

  beforeAll(async () => {
    inbox = await startInbox();
    Object.assign(process.env, { SMTP_URL: inbox.url, OUTBOX_MAX_ATTEMPTS: '2' });
    apps = [await startTestApp(), await startTestApp()];
    relays = apps.map((app) => app.get(OutboxRelay));
    db = apps[0].get(DataSource);
    admin = await createUser(apps[0], 'admin');
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await inbox.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  const recipient = (m: ParsedMail) => (Array.isArray(m.to) ? m.to.map((a) => a.text).join(', ') : (m.to?.text ?? ''));
  /** Delivers everything due (this test's and any other), then answers the mails sent to `to`. */
  async function drain(to?: string) {
    while ((await relays[0].deliverDue(200)) > 0);
    return inbox.mails.filter((m) => !to || recipient(m) === to);
  }
  const calendarOf = (mail: { attachments: { filename?: string; content: Buffer }[] }) => {
    const ics = mail.attachments.find((a) => a.filename === 'sessions.ics');
    return new ICAL.Component(ICAL.parse(ics!.content.toString('utf8'))).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  };

  it('mails the guardian a consent link that works, then keeps the link no longer', async () => {
    const teen = await signUpTeen(apps[0]);
    const guardian = String(teen.body.participant && (teen.body as { participant: { guardianEmail: string } }).participant.guardianEmail);
    const [mail] = await drain(guardian);
    expect(mail.subject).toMatch(/confirm .* may join the coding club/);
    // The link opens the web app's consent page, which reads the link through the API.
    const link = /https?:\/\/\S+\/consent\/([\w-]{43})/.exec(mail.text ?? '')!;
    expect(mail.html).toContain(link[0]);
    await request(apps[0].getHttpServer()).get(`/v1/consents/${link[1]}`).expect(200);
    const [row] = await db.query(`SELECT status, payload FROM outbox_message WHERE topic = 'guardian.consent_requested' AND payload->>'participantId' = $1`, [teen.participantId]);
    expect(row.status).toBe('sent');
    expect(row.payload.consentUrl).toBeUndefined();
  });

  it('tells a teen they are in (with the sessions as .ics), on the waitlist (with the place), and promoted', async () => {
    const { program, coordinator } = await publishedProgram(apps[0], { capacity: 1 });
    await request(apps[0].getHttpServer())
      .post(`/v1/programs/${program.id}/sessions`)
      .set(bearer(coordinator))
      .send({ startsAt: `${String(program.startsOn)}T16:00:00-06:00`, endsAt: `${String(program.startsOn)}T17:30:00-06:00`, topic: 'Kickoff' })
      .expect(201);
    const [first, second] = await insertTeens(apps[0], 2);
    const [seat] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [first.userId]);
    const [line] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [second.userId]);
    const made = (await request(apps[0].getHttpServer()).post(`/v1/programs/${program.id}/enrollments`).set(bearer(first)).expect(201)).body;
    await request(apps[0].getHttpServer()).post(`/v1/programs/${program.id}/enrollments`).set(bearer(second)).expect(201);
    const [inMail] = await drain(seat.email);
    expect(inMail.subject).toBe(`You're in: ${program.title}`);
    const events = calendarOf(inMail);
    expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([[`${program.title}: Kickoff`, `${String(program.startsOn)}T16:00:00`]]);
    const [waitMail] = await drain(line.email);
    expect(waitMail.text).toContain('number 1 on the waitlist');
    await request(apps[0].getHttpServer()).post(`/v1/enrollments/${made.id}/withdraw`).set(bearer(first)).expect(200);
    const promoted = (await drain(line.email)).find((m) => m.subject?.startsWith('A seat opened up'));
    expect(promoted).toBeDefined();
    expect(calendarOf(promoted!)).toHaveLength(1);
  });

  it('tells every teen with a seat and the mentors of a cancelled session, one mail each, the .ics marking it cancelled', async () => {
    const { program, coordinator } = await publishedProgram(apps[0]);
    const session = (
      await request(apps[0].getHttpServer())
        .post(`/v1/programs/${program.id}/sessions`)
        .set(bearer(coordinator))
        .send({ startsAt: `${String(program.startsOn)}T16:00:00-06:00`, endsAt: `${String(program.startsOn)}T17:30:00-06:00` })
        .expect(201)
    ).body;
    const teens = await insertTeens(apps[0], 3);
    for (const teen of teens) await request(apps[0].getHttpServer()).post(`/v1/programs/${program.id}/enrollments`).set(bearer(teen)).expect(201);
    const mentorUser = await createUser(apps[0], 'mentor');
    const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id) VALUES ($1) RETURNING id`, [mentorUser.id]);
    await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [session.id, mentorId]);
    await drain();
    await request(apps[0].getHttpServer()).post(`/v1/sessions/${session.id}/cancel`).set(bearer(coordinator)).send({ reason: 'Snow day' }).expect(200);
    const cancelled = (await drain()).filter((m) => m.subject?.startsWith(`Cancelled: ${program.title}`));
    const addresses = await db.query(`SELECT email FROM user_account WHERE id = ANY($1::uuid[])`, [[...teens.map((t) => t.userId), mentorUser.id]]);
    expect(cancelled.map(recipient).sort()).toEqual(addresses.map((a: { email: string }) => a.email).sort());
    expect(cancelled[0].text).toContain('Snow day');
    expect(calendarOf(cancelled[0]).map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CANCELLED']);
  });

  /** A session on the program's first day with a mentor on it (inserted, as clearances are not the point here), and the mentor's address. */
  async function sessionWithMentor(programId: string, startsOn: string, coordinator: TestUser) {
    const session = (
      await request(apps[0].getHttpServer())
        .post(`/v1/programs/${programId}/sessions`)
        .set(bearer(coordinator))
        .send({ startsAt: `${startsOn}T16:00:00-06:00`, endsAt: `${startsOn}T17:30:00-06:00`, topic: 'Kickoff' })
        .expect(201)
    ).body;
    const mentorUser = await createUser(apps[0], 'mentor');
    const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id) VALUES ($1) RETURNING id`, [mentorUser.id]);
    await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [session.id, mentorId]);
    const [{ email }] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [mentorUser.id]);
    return { sessionId: session.id as string, mentorEmail: email as string };
  }
  const topicStatus = async (topic: string, key: string, value: string) =>
    (await db.query(`SELECT status FROM outbox_message WHERE topic = $1 AND payload->>$2 = $3`, [topic, key, value])).map((r: { status: string }) => r.status);

  it('tells the teens and mentors of an archived program of a cancelled session, the .ics made without the public feed', async () => {
    const { program, coordinator } = await publishedProgram(apps[0]);
    const { sessionId, mentorEmail } = await sessionWithMentor(program.id, String(program.startsOn), coordinator);
    const [teen] = await insertTeens(apps[0], 1);
    await request(apps[0].getHttpServer()).post(`/v1/programs/${program.id}/enrollments`).set(bearer(teen)).expect(201);
    const [{ email: teenEmail }] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [teen.userId]);
    await request(apps[0].getHttpServer()).post(`/v1/programs/${program.id}/archive`).set(bearer(coordinator)).expect(200);
    await drain();
    await request(apps[0].getHttpServer()).post(`/v1/sessions/${sessionId}/cancel`).set(bearer(coordinator)).send({ reason: 'Flooded basement' }).expect(200);
    const cancelled = (await drain()).filter((m) => m.subject?.startsWith(`Cancelled: ${program.title}`));
    expect(cancelled.map(recipient).sort()).toEqual([teenEmail, mentorEmail].sort());
    for (const mail of cancelled) {
      expect(calendarOf(mail).map((e) => [e.summary, e.component.getFirstPropertyValue('status')])).toEqual([[`${program.title}: Kickoff`, 'CANCELLED']]);
    }
    expect(await topicStatus('session.cancelled', 'sessionId', sessionId)).toEqual(['sent']);
  });

  it('tells the mentor of a draft program’s cancelled session, the .ics made without the public feed', async () => {
    const { branchId, coordinator } = await publishedProgram(apps[0]);
    const draft = (
      await request(apps[0].getHttpServer())
        .post('/v1/programs')
        .set(bearer(coordinator))
        .send({ branchId, title: 'Draft club', level: 'beginner', minAge: 13, maxAge: 17, capacity: 10, startsOn: '2030-02-01', endsOn: '2030-05-31' })
        .expect(201)
    ).body;
    const { sessionId, mentorEmail } = await sessionWithMentor(draft.id, '2030-02-01', coordinator);
    await drain();
    await request(apps[0].getHttpServer()).post(`/v1/sessions/${sessionId}/cancel`).set(bearer(coordinator)).send({ reason: 'Not ready' }).expect(200);
    const [mail] = (await drain(mentorEmail)).filter((m) => m.subject?.startsWith('Cancelled: Draft club'));
    expect(mail.text).toContain('Not ready');
    expect(calendarOf(mail).map((e) => [e.startDate.toString(), e.component.getFirstPropertyValue('status')])).toEqual([['2030-02-01T16:00:00', 'CANCELLED']]);
    expect(await topicStatus('session.cancelled', 'sessionId', sessionId)).toEqual(['sent']);
  });

  it('tells a teen promoted from the waitlist of an archived program, the .ics made without the public feed', async () => {
    const { program, coordinator } = await publishedProgram(apps[0], { capacity: 1 });
    await sessionWithMentor(program.id, String(program.startsOn), coordinator);
    const [first, second] = await insertTeens(apps[0], 2);
    const made = (await request(apps[0].getHttpServer()).post(`/v1/programs/${program.id}/enrollments`).set(bearer(first)).expect(201)).body;
    const waiting = (await request(apps[0].getHttpServer()).post(`/v1/programs/${program.id}/enrollments`).set(bearer(second)).expect(201)).body;
    const [{ email }] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [second.userId]);
    await request(apps[0].getHttpServer()).post(`/v1/programs/${program.id}/archive`).set(bearer(coordinator)).expect(200);
    await request(apps[0].getHttpServer()).post(`/v1/enrollments/${made.id}/withdraw`).set(bearer(first)).expect(200);
    const promoted = (await drain(email)).find((m) => m.subject?.startsWith('A seat opened up'));
    expect(promoted).toBeDefined();
    expect(calendarOf(promoted!).map((e) => e.summary)).toEqual([`${program.title}: Kickoff`]);
    expect(await topicStatus('enrollment.promoted', 'enrollmentId', waiting.id)).toEqual(['sent']);
  });

  it('reminds the teens and mentors 24 h before a session; the reminder moves with the session and is dropped when it is cancelled', async () => {
    const { program, coordinator } = await publishedProgram(apps[0]);
    const http = apps[0].getHttpServer();
    const day = String(program.startsOn);
    const create = async (hour: number) =>
      (await request(http).post(`/v1/programs/${program.id}/sessions`).set(bearer(coordinator)).send({ startsAt: `${day}T${hour}:00:00-06:00`, endsAt: `${day}T${hour}:45:00-06:00` }).expect(201))
        .body;
    const [kept, dropped] = [await create(10), await create(14)];
    const reminderOf = async (sessionId: string) =>
      (await db.query(`SELECT id, status, available_at FROM outbox_message WHERE topic = 'session.reminder' AND payload->>'sessionId' = $1`, [sessionId]))[0];
    expect(new Date((await reminderOf(kept.id)).available_at).toISOString()).toBe(new Date(Date.parse(`${day}T10:00:00-06:00`) - 86_400_000).toISOString());
    await request(http).patch(`/v1/sessions/${kept.id}`).set(bearer(coordinator)).send({ startsAt: `${day}T11:00:00-06:00`, endsAt: `${day}T11:45:00-06:00` }).expect(200);
    expect(new Date((await reminderOf(kept.id)).available_at).toISOString()).toBe(new Date(Date.parse(`${day}T11:00:00-06:00`) - 86_400_000).toISOString());
    await request(http).post(`/v1/sessions/${dropped.id}/cancel`).set(bearer(coordinator)).send({ reason: 'Room flooded' }).expect(200);
    expect((await reminderOf(dropped.id)).status).toBe('skipped');

    const [teen] = await insertTeens(apps[0], 1);
    await request(http).post(`/v1/programs/${program.id}/enrollments`).set(bearer(teen)).expect(201);
    const [{ email }] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [teen.userId]);
    await drain();
    // The day before has come.
    await db.query(`UPDATE outbox_message SET available_at = now() WHERE id = $1`, [(await reminderOf(kept.id)).id]);
    const reminders = (await drain(email)).filter((m) => m.subject?.startsWith('Reminder:'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toContain(program.title);
    expect(calendarOf(reminders[0]).map((e) => e.component.getFirstPropertyValue('status') ?? 'CONFIRMED')).toContain('CANCELLED');
    expect((await reminderOf(kept.id)).status).toBe('sent');
  });

  it('tells the sponsor of an application and an answered offer, and the teen of the offer', async () => {
    const sponsorUser = await createUser(apps[0], 'sponsor');
    const [{ sponsor_id: sponsorId }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [sponsorUser.id]);
    await db.query(`UPDATE sponsor SET contact_email = 'jobs@sponsor.test', name = 'Byte Works' WHERE id = $1`, [sponsorId]);
    const http = apps[0].getHttpServer();
    const internship = (
      await request(http)
        .post('/v1/internships')
        .set(bearer(sponsorUser))
        .send({ title: 'Junior dev', slots: 1, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() })
        .expect(201)
    ).body;
    await request(http).post(`/v1/internships/${internship.id}/open`).set(bearer(sponsorUser)).expect(200);
    const [teen] = await insertTeens(apps[0], 1);
    const [{ email }] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [teen.userId]);
    const application = (await request(http).post(`/v1/internships/${internship.id}/applications`).set(bearer(teen)).send({ statement: 'Hi', shareProfile: false }).expect(201)).body;
    await request(http).patch(`/v1/applications/${application.id}`).set(bearer(sponsorUser)).send({ status: 'shortlisted' }).expect(200);
    await request(http).patch(`/v1/applications/${application.id}`).set(bearer(sponsorUser)).send({ status: 'offered' }).expect(200);
    await request(http).patch(`/v1/applications/${application.id}`).set(bearer(teen)).send({ status: 'accepted' }).expect(200);
    const toSponsor = (await drain('jobs@sponsor.test')).map((m) => m.subject).sort();
    expect(toSponsor).toEqual(['New application: Junior dev', 'Offer accepted: Junior dev']);
    expect((await drain(email)).map((m) => m.subject)).toEqual(['An offer from Byte Works']);
    const [shortlisted] = await db.query(`SELECT status FROM outbox_message WHERE payload->>'applicationId' = $1 AND payload->>'to' = 'shortlisted'`, [application.id]);
    expect(shortlisted.status).toBe('skipped');
  });

  it('two workers and 500 messages: each mailed once', async () => {
    await drain();
    const before = inbox.mails.length;
    await db.query(
      `INSERT INTO outbox_message (topic, payload)
       SELECT 'guardian.consent_requested', jsonb_build_object('guardianEmail', 'bulk-' || i || '@guardians.test', 'guardianName', 'G', 'teenFirstName', 'T',
                                                               'consentUrl', 'http://localhost/x', 'expiresAt', '2030-01-01T00:00:00Z')
         FROM generate_series(1, 500) i`,
    );
    const work = (relay: OutboxRelay) => (async () => {
      while ((await relay.deliverDue(25)) > 0);
    })();
    await Promise.all([work(relays[0]), work(relays[1])]);
    const bulk = inbox.mails.slice(before).filter((m) => recipient(m).startsWith('bulk-'));
    expect(bulk).toHaveLength(500);
    expect(new Set(bulk.map(recipient)).size).toBe(500);
    expect(new Set(bulk.map((m) => m.messageId)).size).toBe(500);
  }, 60_000);

  it('a worker that died holding messages: they go out after its lease, under the same Message-ID if it had sent them', async () => {
    await drain();
    const [claimed] = await db.query(
      `INSERT INTO outbox_message (topic, payload) VALUES ('guardian.consent_requested', jsonb_build_object('guardianEmail', 'crash@guardians.test', 'guardianName', 'G',
         'teenFirstName', 'T', 'consentUrl', 'http://localhost/y', 'expiresAt', '2030-01-01T00:00:00Z')) RETURNING id, payload`,
    );
    // The dead worker claimed it (a lease of two minutes) and never finished.
    await db.query(`UPDATE outbox_message SET locked_until = now() + interval '2 minutes', attempts = 1 WHERE id = $1`, [claimed.id]);
    expect(await relays[1].deliverDue(200)).toBe(0);
    await db.query(`UPDATE outbox_message SET locked_until = now() - interval '1 second' WHERE id = $1`, [claimed.id]);
    const [first] = await drain('crash@guardians.test');
    // Had it died after recording the mail as sent, a retry would not send it again.
    await db.query(`UPDATE outbox_message SET status = 'pending', sent_at = NULL, payload = $2 WHERE id = $1`, [claimed.id, claimed.payload]);
    expect(await drain('crash@guardians.test')).toHaveLength(1);
    // Had it died between sending and recording, the mail goes again with the same Message-ID, for the reader to drop.
    await db.query(`UPDATE outbox_message SET status = 'pending', sent_at = NULL, payload = $2, delivered = '{}' WHERE id = $1`, [claimed.id, claimed.payload]);
    const both = await drain('crash@guardians.test');
    expect(both).toHaveLength(2);
    expect(both[1].messageId).toBe(first.messageId);
    expect(first.messageId).toBe(`<${claimed.id}.0@codeshelf>`);
  });

  it('the worker deletes idempotency keys past their 24 hours, and only those', async () => {
    await db.query(
      `INSERT INTO idempotency_key (scope, key, fingerprint, state, response_status, expires_at)
       VALUES ('sweep-test', 'old', 'f', 'completed', 201, now() - interval '1 minute'), ('sweep-test', 'live', 'f', 'completed', 201, now() + interval '1 hour')`,
    );
    await apps[1].get(IdempotencySweep).sweep();
    const kept = await db.query(`SELECT key FROM idempotency_key WHERE scope = 'sweep-test'`);
    expect(kept.map((k: { key: string }) => k.key)).toEqual(['live']);
  });

  it('a failing receiver: retried with backoff, then failed and shown to admins, who can retry it', async () => {
    await drain();
    inbox.refuse.add('refused@guardians.test');
    const [{ id }] = await db.query(
      `INSERT INTO outbox_message (topic, payload) VALUES ('guardian.consent_requested', jsonb_build_object('guardianEmail', 'refused@guardians.test', 'guardianName', 'G',
         'teenFirstName', 'T', 'consentUrl', 'http://localhost/z', 'expiresAt', '2030-01-01T00:00:00Z')) RETURNING id`,
    );
    await drain();
    let [row] = await db.query(`SELECT status, attempts, last_error, available_at > now() + interval '20 seconds' AS waits FROM outbox_message WHERE id = $1`, [id]);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, waits: true });
    expect(row.last_error).toContain('mailbox unavailable');
    await db.query(`UPDATE outbox_message SET available_at = now() WHERE id = $1`, [id]);
    await drain();
    [row] = await db.query(`SELECT status, attempts FROM outbox_message WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'failed', attempts: 2 }); // OUTBOX_MAX_ATTEMPTS = 2 here
    const failed = await request(apps[0].getHttpServer()).get('/v1/admin/outbox').query({ status: 'failed', limit: 200 }).set(bearer(admin)).expect(200);
    expect(failed.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect(JSON.stringify(failed.body)).not.toContain('http://localhost/z');
    inbox.refuse.delete('refused@guardians.test');
    expect((await request(apps[0].getHttpServer()).post(`/v1/admin/outbox/${id}/retry`).set(bearer(admin)).expect(200)).body).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await drain('refused@guardians.test')).toHaveLength(1);
    await request(apps[0].getHttpServer()).post(`/v1/admin/outbox/${id}/retry`).set(bearer(admin)).expect(404);
  });
});
