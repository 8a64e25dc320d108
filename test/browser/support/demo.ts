import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { BrowserContext } from 'playwright-core';
import { DEMO_LOGINS, email, PASSWORD, seedDemoLibrary } from '../../../scripts/demo-library';

export type DemoLogin = (typeof DEMO_LOGINS)[number];

/**
 * The demo library of `npm run seed`, in this worker's database: seeded by the first test file that asks, found by
 * the later ones (which share the database, so each makes its own programs rather than changing the demo's).
 */
export async function demoLibrary(app: NestFastifyApplication): Promise<void> {
  await seedDemoLibrary(app);
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
