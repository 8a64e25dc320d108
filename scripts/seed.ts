import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withAppContext } from './app-context';
import { DEMO_LOGINS, email, PASSWORD, seedDemoLibrary } from './demo-library';
import { seedLarge, wantsLargeScale } from './seed-large';

/* npm run seed: the demo library (scripts/demo-library.ts); a second run finds the demo admin and only prints the logins again. */

function printLogins(apiKey?: string): void {
  const rows = DEMO_LOGINS.map((name) => `  ${email(name).padEnd(38)} ${PASSWORD}`);
  console.info(['Demo library ready. Log in with POST /v1/auth/login as any of:', ...rows].join('\n'));
  if (apiKey) console.info(`Acme Robotics' API key (shown once; send it as X-API-Key): ${apiKey}`);
}

/** What the demo left to deliver: `npm start` writes these mails to its log (or sends them over SMTP_URL). */
async function printOutbox(app: INestApplicationContext): Promise<void> {
  const rows: { topic: string; n: number }[] = await app.get(DataSource).query(`SELECT topic, count(*)::int AS n FROM outbox_message WHERE status = 'pending' GROUP BY topic ORDER BY topic`);
  console.info(
    [
      'Notifications waiting in the outbox (npm start delivers them: to the log, or over SMTP_URL; admins see them at GET /v1/admin/outbox):',
      ...rows.map((r) => `  ${r.topic.padEnd(38)} ${r.n}`),
    ].join('\n'),
  );
}

// The large library's set-based statements run for a while: no statement timeout (and so no client-side one).
if (wantsLargeScale(process.argv)) process.env.DB_STATEMENT_TIMEOUT_MS = '0';

if (process.env.NODE_ENV === 'production') {
  console.error('npm run seed makes demo logins with a known password: it does not run with NODE_ENV=production.');
  process.exit(2);
}

withAppContext(async (app) => {
  if (wantsLargeScale(process.argv)) return seedLarge(app);
  const { created, apiKey } = await seedDemoLibrary(app);
  if (!created) console.info('The demo library is already there.');
  printLogins(apiKey);
  if (created) await printOutbox(app);
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
