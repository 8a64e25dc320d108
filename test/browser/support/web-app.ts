import { OutboxRelay } from '@codeshelf/notifications';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startTestApp } from '../../support/app';
import { type Inbox, type ReceivedMail, startInbox } from '../../support/smtp';

/** Where `npm run build:web` puts the app the API serves. */
export const WEB_DIST = join(__dirname, '..', '..', '..', 'apps', 'web', 'dist');

export interface WebApp {
  app: NestFastifyApplication;
  /** The origin the browser talks to, also the API's PUBLIC_URL (what the mails link to and what the Origin check expects). */
  baseURL: string;
  inbox: Inbox;
  /** Delivers every due outbox message by SMTP, then answers the mails sent to `to`. */
  mailsTo(to: string): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A free loopback port: PUBLIC_URL must name the port before the app is built, as the mails' links carry it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const recipients = (mail: ReceivedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));

/**
 * The real API, in this process, on this worker's database, listening on a real port and serving the built web app,
 * its mail going by SMTP to an inbox on loopback. Without a built app the test fails: it would otherwise test nothing.
 */
export async function startWebApp(): Promise<WebApp> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`the web app is not built (${WEB_DIST}/index.html is missing): run \`npm run build:web\` first`);
  const inbox = await startInbox();
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const saved = { SMTP_URL: process.env.SMTP_URL, PUBLIC_URL: process.env.PUBLIC_URL, WEB_DIST_DIR: process.env.WEB_DIST_DIR };
  Object.assign(process.env, { SMTP_URL: inbox.url, PUBLIC_URL: baseURL, WEB_DIST_DIR: WEB_DIST });
  const app = await startTestApp();
  await app.listen(port, '127.0.0.1');
  const relay = app.get(OutboxRelay);
  return {
    app,
    baseURL,
    inbox,
    async mailsTo(to) {
      while ((await relay.deliverDue(200)) > 0);
      return inbox.mails.filter((m) => recipients(m).includes(to.toLowerCase()));
    },
    async close() {
      await app.close();
      await inbox.close();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
