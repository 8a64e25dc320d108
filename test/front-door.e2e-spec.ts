import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { runScript as run, startApi, until } from './support/processes';

/** The README's front door: the sources start under ts-node (which compiles differently from jest and nest build). */
describe('npm start and npm run start:worker (ts-node on the sources)', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

  it('starts the API, which answers /health/ready', async () => {
    children.push((await startApi({}, 60_000)).child);
  }, 70_000);

  it('starts the worker, which delivers the outbox', async () => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const [{ id }] = (await db.query(`INSERT INTO outbox_message (topic, payload) VALUES ('session.changed', '{}') RETURNING id`)).rows;
      const { child, output } = run('apps/worker/src/main.ts', { NODE_ENV: 'test', OUTBOX_POLL_MS: '200' });
      children.push(child);
      // A message nobody is mailed about is marked skipped once a worker has handled it.
      await until(async () => (await db.query(`SELECT status FROM outbox_message WHERE id = $1`, [id])).rows[0].status === 'skipped', 'the worker handling the outbox', output);
    } finally {
      await db.end();
    }
  }, 70_000);
});
