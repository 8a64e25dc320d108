import { OutboxRelay } from '@codeshelf/notifications';
import { AuditService } from '@codeshelf/core';
import { MonthlyReportAnnouncements, WebhookResolver, WebhooksService } from '@codeshelf/partners';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, isIP, type Server as TcpServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { insertTeens } from './support/enrollment-factories';
import { bearer, createUser, type TestUser } from './support/identity';
import { loopbackOnly } from './support/loopback-only';

/** Verifies a delivery exactly as the README tells sponsors to. */
function verify(secret: string, header: string, rawBody: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) <= toleranceSeconds;
}

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  path: string;
}

describe('Sponsor webhooks (HTTP, a receiver on loopback)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  let relay: OutboxRelay;
  let receiver: Server;
  let base: string;
  const received: Received[] = [];
  let answer = 204;
  /** Paths whose receiver is down whatever `answer` says. */
  const down = new Set<string>();
  /** Paths whose receiver answers 307 to the location given. */
  const moved = new Map<string, string>();
  /** An internal service on 127.0.0.1 that a webhook must never reach: it counts connections and drops them. */
  let internal: TcpServer;
  let internalHits = 0;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    relay = app.get(OutboxRelay);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body, path: req.url ?? '' });
        const location = moved.get(req.url ?? '');
        if (location) return res.writeHead(307, { Location: location }).end();
        res.writeHead(down.has(req.url ?? '') ? 503 : answer).end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    internal = createTcpServer((socket) => {
      internalHits += 1;
      socket.destroy();
    });
    await new Promise<void>((done) => internal.listen(0, '127.0.0.1', done));
  });

  afterAll(async () => {
    await app.close();
    await new Promise((done) => receiver.close(done));
    await new Promise((done) => internal.close(done));
  });

  afterEach(() => jest.restoreAllMocks());

  /** The app's resolver answers for `name` as a sponsor's DNS might: these answers in turn, the last one ever after. */
  function dnsAnswers(name: string, ...answers: string[][]) {
    const resolver = app.get(WebhookResolver);
    const system = resolver.resolve.bind(resolver);
    let asked = 0;
    return jest
      .spyOn(resolver, 'resolve')
      .mockImplementation(async (hostname) => (hostname === name ? answers[Math.min(asked++, answers.length - 1)].map((address) => ({ address, family: isIP(address) })) : system(hostname)));
  }
  const portOf = (server: { address(): unknown }) => (server.address() as { port: number }).port;

  async function sponsorWithPosting(): Promise<{ sponsor: TestUser; sponsorId: string; internshipId: string }> {
    const sponsor = await createUser(app, 'sponsor');
    const [{ sponsor_id: sponsorId }] = await db.query(`SELECT sponsor_id FROM user_account WHERE id = $1`, [sponsor.id]);
    const internship = (
      await request(http)
        .post('/v1/internships')
        .set(bearer(sponsor))
        .send({ title: 'Hooked', slots: 1, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() })
        .expect(201)
    ).body;
    await request(http).post(`/v1/internships/${internship.id}/open`).set(bearer(sponsor)).expect(200);
    return { sponsor, sponsorId, internshipId: internship.id };
  }
  const drain = async () => {
    while ((await relay.deliverDue(200)) > 0);
  };

  it('registers an endpoint (secret shown once), signs each delivery so the documented check passes, and logs it', async () => {
    const { sponsor, sponsorId, internshipId } = await sponsorWithPosting();
    const created = await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: `${base}/hooks`, events: ['application.submitted', 'application.status_changed'] }).expect(201);
    expect(created.body.secret).toMatch(/^whsec_[\w-]{43}$/);
    const listed = await request(http).get(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).expect(200);
    expect(listed.body).toEqual([{ id: created.body.id, sponsorId, url: `${base}/hooks`, events: ['application.submitted', 'application.status_changed'], createdAt: expect.any(String) }]);

    const [teen] = await insertTeens(app, 1);
    const application = (await request(http).post(`/v1/internships/${internshipId}/applications`).set(bearer(teen)).send({ statement: 'Hi', shareProfile: false }).expect(201)).body;
    received.length = 0;
    await drain();
    const mine = received.filter((r) => r.body.includes(application.id));
    expect(mine).toHaveLength(1);
    const [hit] = mine;
    expect(verify(created.body.secret, String(hit.headers['codeshelf-signature']), hit.body)).toBe(true);
    expect(verify('whsec_wrong', String(hit.headers['codeshelf-signature']), hit.body)).toBe(false);
    expect(hit.headers['codeshelf-event']).toBe('application.submitted');
    const body = JSON.parse(hit.body);
    expect(body).toEqual({ id: hit.headers['codeshelf-delivery'], event: 'application.submitted', createdAt: expect.any(String), data: { applicationId: application.id, internshipId } });
    expect(hit.body).not.toContain(teen.participantId);

    const log = await request(http).get(`/v1/sponsors/${sponsorId}/webhooks/${created.body.id}/deliveries`).set(bearer(sponsor)).expect(200);
    expect(log.body.items).toEqual([expect.objectContaining({ messageId: body.id, event: 'application.submitted', ok: true, responseStatus: 204 })]);

    const other = await createUser(app, 'sponsor');
    await request(http).get(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(other)).expect(404);
    await request(http).delete(`/v1/sponsors/${sponsorId}/webhooks/${created.body.id}`).set(bearer(other)).expect(404);
    expect((await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: 'ftp://x', events: ['application.submitted'] }).expect(400)).body.errors).toEqual([
      { field: 'url', code: 'isWebhookUrl', message: 'url must be https' },
    ]);
    expect((await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: `${base}/x`, events: ['sponsor.deleted'] }).expect(400)).body.errors[0].field).toBe('events');
    await request(http).delete(`/v1/sponsors/${sponsorId}/webhooks/${created.body.id}`).set(bearer(sponsor)).expect(204);
    expect((await request(http).get(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).expect(200)).body).toEqual([]);
  });

  it('registers and deletes an endpoint together with its audit event: a failed audit write leaves the endpoints as they were', async () => {
    const { sponsor, sponsorId } = await sponsorWithPosting();
    const endpoints = async () => (await db.query(`SELECT id FROM webhook_endpoint WHERE sponsor_id = $1`, [sponsorId])).map((r: { id: string }) => r.id);
    const audit = app.get(AuditService);
    const record = audit.record.bind(audit);
    // The audit store fails on the webhook events only (the request's other writes go through).
    jest.spyOn(audit, 'record').mockImplementation(async (event, manager) => {
      if (event.action.startsWith('webhook.')) throw new Error('audit store unavailable');
      return record(event, manager);
    });
    await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: `${base}/atomic`, events: ['application.submitted'] }).expect(500);
    expect(await endpoints()).toEqual([]);

    jest.restoreAllMocks();
    const created = await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: `${base}/atomic`, events: ['application.submitted'] }).expect(201);
    jest.spyOn(audit, 'record').mockRejectedValue(new Error('audit store unavailable'));
    await request(http).delete(`/v1/sponsors/${sponsorId}/webhooks/${created.body.id}`).set(bearer(sponsor)).expect(500);
    expect(await endpoints()).toEqual([created.body.id]);

    jest.restoreAllMocks();
    await request(http).delete(`/v1/sponsors/${sponsorId}/webhooks/${created.body.id}`).set(bearer(sponsor)).expect(204);
    expect(await endpoints()).toEqual([]);
    const events = await db.query(`SELECT action FROM audit_event WHERE entity = 'webhook' AND entity_id = $1 ORDER BY at`, [created.body.id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['webhook.created', 'webhook.deleted']);
  });

  it('gives an endpoint a new signing secret, shown once and audited: later deliveries verify with it, not the old one', async () => {
    const { sponsor, sponsorId, internshipId } = await sponsorWithPosting();
    const created = (await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: `${base}/rotated`, events: ['application.submitted'] }).expect(201)).body;
    const rotated = await request(http).post(`/v1/sponsors/${sponsorId}/webhooks/${created.id}/rotate-secret`).set(bearer(sponsor)).expect(201);
    const { secret, ...endpoint } = created;
    expect(rotated.body).toEqual({ ...endpoint, secret: expect.stringMatching(/^whsec_[\w-]{43}$/) });
    expect(rotated.body.secret).not.toBe(secret);
    expect((await request(http).get(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).expect(200)).body).toEqual([endpoint]);

    const [teen] = await insertTeens(app, 1);
    const application = (await request(http).post(`/v1/internships/${internshipId}/applications`).set(bearer(teen)).send({ statement: 'Hi', shareProfile: false }).expect(201)).body;
    received.length = 0;
    await drain();
    const [hit] = received.filter((r) => r.path === '/rotated' && r.body.includes(application.id));
    expect(verify(rotated.body.secret, String(hit.headers['codeshelf-signature']), hit.body)).toBe(true);
    expect(verify(secret, String(hit.headers['codeshelf-signature']), hit.body)).toBe(false);

    const events = await db.query(`SELECT action, actor_id FROM audit_event WHERE entity = 'webhook' AND entity_id = $1 ORDER BY at`, [created.id]);
    expect(events).toEqual([
      { action: 'webhook.created', actor_id: sponsor.id },
      { action: 'webhook.secret_rotated', actor_id: sponsor.id },
    ]);
    expect(JSON.stringify(await db.query(`SELECT changes FROM audit_event WHERE entity_id = $1`, [created.id]))).not.toContain(rotated.body.secret);

    // All or nothing: a failed audit write keeps the secret deliveries are signed with.
    jest.spyOn(app.get(AuditService), 'record').mockRejectedValue(new Error('audit store unavailable'));
    await request(http).post(`/v1/sponsors/${sponsorId}/webhooks/${created.id}/rotate-secret`).set(bearer(sponsor)).expect(500);
    jest.restoreAllMocks();
    const [{ secret: stored }] = await db.query(`SELECT secret FROM webhook_endpoint WHERE id = $1`, [created.id]);
    expect(stored).toBe(rotated.body.secret);

    const other = await createUser(app, 'sponsor');
    await request(http).post(`/v1/sponsors/${sponsorId}/webhooks/${created.id}/rotate-secret`).set(bearer(other)).expect(404);
    await request(http).post(`/v1/sponsors/${sponsorId}/webhooks/6b0c1a8e-6d5e-4a7e-9a57-0d6f4f2f0a11/rotate-secret`).set(bearer(sponsor)).expect(404);
  });

  it('retries an endpoint that does not take a delivery, logging each attempt, with the same delivery id', async () => {
    const { sponsor, sponsorId, internshipId } = await sponsorWithPosting();
    const hook = (await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: `${base}/down`, events: ['application.submitted'] }).expect(201)).body;
    const [teen] = await insertTeens(app, 1);
    const application = (await request(http).post(`/v1/internships/${internshipId}/applications`).set(bearer(teen)).send({ statement: 'Hi', shareProfile: true }).expect(201)).body;
    answer = 503;
    await drain();
    const [message] = await db.query(`SELECT id, status, attempts, last_error FROM outbox_message WHERE topic = 'application.submitted' AND payload->>'applicationId' = $1`, [application.id]);
    expect(message).toMatchObject({ status: 'pending', attempts: 1 });
    expect(message.last_error).toContain('503');
    answer = 204;
    await db.query(`UPDATE outbox_message SET available_at = now() WHERE id = $1`, [message.id]);
    await drain();
    const log = (await request(http).get(`/v1/sponsors/${sponsorId}/webhooks/${hook.id}/deliveries`).set(bearer(sponsor)).expect(200)).body.items;
    expect(log.map((d: { ok: boolean; responseStatus: number; messageId: string }) => [d.ok, d.responseStatus, d.messageId])).toEqual([
      [false, 503, message.id],
      [true, 204, message.id],
    ]);
    expect((await db.query(`SELECT status FROM outbox_message WHERE id = $1`, [message.id]))[0].status).toBe('sent');
  });

  it('a retry goes only to the endpoint that did not take it: the one that did gets it once', async () => {
    const { sponsor, sponsorId, internshipId } = await sponsorWithPosting();
    const add = async (path: string) =>
      (await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: `${base}${path}`, events: ['application.submitted'] }).expect(201)).body;
    const [up, flaky] = [await add('/part-up'), await add('/part-flaky')];
    down.add('/part-flaky');
    const [teen] = await insertTeens(app, 1);
    const application = (await request(http).post(`/v1/internships/${internshipId}/applications`).set(bearer(teen)).send({ statement: 'Hi', shareProfile: false }).expect(201)).body;
    await drain();
    const [message] = await db.query(`SELECT id, status, delivered FROM outbox_message WHERE topic = 'application.submitted' AND payload->>'applicationId' = $1`, [application.id]);
    expect(message.status).toBe('pending');
    expect(message.delivered).toContain(`hook:${up.id}`);
    expect(message.delivered).not.toContain(`hook:${flaky.id}`);
    down.delete('/part-flaky');
    await db.query(`UPDATE outbox_message SET available_at = now() WHERE id = $1`, [message.id]);
    await drain();
    const hits = (path: string) => received.filter((r) => r.headers['codeshelf-delivery'] === message.id && r.path === path).length;
    expect([hits('/part-up'), hits('/part-flaky')]).toEqual([1, 2]);
    expect((await db.query(`SELECT status FROM outbox_message WHERE id = $1`, [message.id]))[0].status).toBe('sent');
  });

  it('announces last month’s report once a month, however many rounds and workers run', async () => {
    const { sponsor, sponsorId } = await sponsorWithPosting();
    const hook = (await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url: `${base}/monthly`, events: ['sponsorship.report_ready'] }).expect(201)).body;
    received.length = 0;
    await drain();
    const announcements = app.get(MonthlyReportAnnouncements);
    await Promise.all([announcements.announce(), announcements.announce()]);
    await drain();
    const ours = received.filter((r) => r.headers['codeshelf-event'] === 'sponsorship.report_ready' && r.body.includes(sponsorId));
    expect(ours).toHaveLength(1);
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const month = last.toISOString().slice(0, 7);
    const end = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    expect(JSON.parse(ours[0].body).data).toEqual({ month, from: `${month}-01`, to: end, reportUrl: expect.stringContaining(`/v1/reports/sponsors/${sponsorId}/outcomes?from=${month}-01&to=${end}`) });
    const log = (await request(http).get(`/v1/sponsors/${sponsorId}/webhooks/${hook.id}/deliveries`).set(bearer(sponsor)).expect(200)).body.items;
    expect(log).toHaveLength(1);
  });

  async function hookedApplication(url: string): Promise<{ sponsor: TestUser; sponsorId: string; hookId: string }> {
    const { sponsor, sponsorId, internshipId } = await sponsorWithPosting();
    const hook = (await request(http).post(`/v1/sponsors/${sponsorId}/webhooks`).set(bearer(sponsor)).send({ url, events: ['application.submitted'] }).expect(201)).body;
    const [teen] = await insertTeens(app, 1);
    await request(http).post(`/v1/internships/${internshipId}/applications`).set(bearer(teen)).send({ statement: 'Hi', shareProfile: false }).expect(201);
    return { sponsor, sponsorId, hookId: hook.id };
  }

  it('connects to the address its check resolved, with the URL’s Host header, though the name answers another one next', async () => {
    const port = portOf(receiver);
    // Another loopback address on the same port: what the name answers after the check.
    const rebound = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((done) => rebound.listen(port, '127.0.0.2', done));
    let reboundHits = 0;
    rebound.on('connection', () => (reboundHits += 1));
    try {
      dnsAnswers('hooks.sponsor.test', ['127.0.0.1'], ['127.0.0.2']);
      const { sponsor, sponsorId, hookId } = await hookedApplication(`http://hooks.sponsor.test:${port}/pinned`);
      received.length = 0;
      await drain();
      expect(received.filter((r) => r.path === '/pinned').map((r) => r.headers.host)).toEqual([`hooks.sponsor.test:${port}`]);
      expect(reboundHits).toBe(0);
      const log = (await request(http).get(`/v1/sponsors/${sponsorId}/webhooks/${hookId}/deliveries`).set(bearer(sponsor)).expect(200)).body.items;
      expect(log).toEqual([expect.objectContaining({ ok: true, responseStatus: 204 })]);
    } finally {
      await new Promise((done) => rebound.close(done));
    }
  });

  it('under production rules, a name that answers a public address to the check and 127.0.0.1 afterwards never reaches 127.0.0.1', async () => {
    jest.replaceProperty(app.get(WebhooksService), 'allowsInternal', false);
    // The registration's check, the delivery's check, then whatever looks the name up again. `localhost` is what the
    // system's own resolver answers 127.0.0.1 for, as a rebinding DNS would on the second lookup.
    dnsAnswers('localhost', ['203.0.113.10'], ['203.0.113.10'], ['127.0.0.1']);
    const network = loopbackOnly();
    try {
      const { sponsor, sponsorId, hookId } = await hookedApplication(`https://localhost:${portOf(internal)}/rebind`);
      internalHits = 0;
      await drain();
      expect(internalHits).toBe(0);
      // It went for the address that was checked (refused here, as no test may leave loopback).
      expect(network.refused).toEqual(['203.0.113.10']);
      const log = (await request(http).get(`/v1/sponsors/${sponsorId}/webhooks/${hookId}/deliveries`).set(bearer(sponsor)).expect(200)).body.items;
      expect(log).toEqual([expect.objectContaining({ ok: false, responseStatus: null })]);
    } finally {
      network.restore();
    }
  });

  it('names the URL’s host in TLS (SNI) when it connects to the checked address', async () => {
    const named: string[] = [];
    // No certificate here: the receiver only records the name the client asked for, then ends the handshake.
    const tlsReceiver = createTlsServer({ SNICallback: (servername, done) => (named.push(servername), done(new Error('no certificate'))) });
    tlsReceiver.on('tlsClientError', () => undefined);
    await new Promise<void>((done) => tlsReceiver.listen(0, '127.0.0.1', done));
    try {
      dnsAnswers('tls.sponsor.test', ['127.0.0.1']);
      await hookedApplication(`https://tls.sponsor.test:${portOf(tlsReceiver)}/sni`);
      await drain();
      expect(named).toEqual(['tls.sponsor.test']);
    } finally {
      await new Promise((done) => tlsReceiver.close(done));
    }
  });

  it('does not follow a redirect: the delivery is logged with the 307 and the location is never reached', async () => {
    moved.set('/moved', `http://127.0.0.1:${portOf(internal)}/`);
    const { sponsor, sponsorId, hookId } = await hookedApplication(`${base}/moved`);
    internalHits = 0;
    await drain();
    expect(internalHits).toBe(0);
    const log = (await request(http).get(`/v1/sponsors/${sponsorId}/webhooks/${hookId}/deliveries`).set(bearer(sponsor)).expect(200)).body.items;
    expect(log).toEqual([expect.objectContaining({ ok: false, responseStatus: 307 })]);
  });
});
