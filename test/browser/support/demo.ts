import type { BrowserContext } from 'playwright-core';
import { DEMO_LOGINS, email, PASSWORD, seedDemoLibrary } from '../../../scripts/demo-library';
import { workerDatabase } from '../../support/databases';
import { startWebApp, type WebApp } from './web-app';

export type DemoLogin = (typeof DEMO_LOGINS)[number];

/**
 * The web app on the demo library of `npm run seed`, in a database of this worker's that only the demo's test files
 * use (the other files' branches and sponsors would crowd its lists): seeded by the first file that asks, found by
 * the later ones, which therefore make their own programs rather than change the demo's.
 */
export async function startDemoLibrary(): Promise<WebApp> {
  const own = process.env.DATABASE_URL;
  process.env.DATABASE_URL = await workerDatabase('demo');
  const restore = () => {
    process.env.DATABASE_URL = own;
  };
  try {
    const web = await startWebApp();
    await seedDemoLibrary(web.app);
    return { ...web, close: () => web.close().finally(restore) };
  } catch (error) {
    restore();
    throw error;
  }
}

/**
 * Signs one of the demo people in through the API's browser sign-in (POST /v1/auth/session), so the context holds
 * the HttpOnly session cookie as after the sign-in page; the sign-in page itself is tested by the teen journey.
 */
export async function signInAs(context: BrowserContext, baseURL: string, who: DemoLogin): Promise<void> {
  const answer = await context.request.post(`${baseURL}/v1/auth/session`, {
    data: { email: email(who), password: PASSWORD },
    headers: { Origin: baseURL },
  });
  if (!answer.ok()) throw new Error(`sign-in as ${who} answered ${answer.status()}: ${await answer.text()}`);
}
