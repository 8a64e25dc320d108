import type { Browser, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { publishedProgram } from '../support/enrollment-factories';
import { bearer, PASSWORD } from '../support/identity';
import { birthDateForAge, signUpTeen } from '../support/people-factories';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { startWebApp, type WebApp } from './support/web-app';
import { reads } from './support/words';

/**
 * The browser's sign-in as a person meets it: an HttpOnly cookie no script can read, nothing secret in web storage,
 * a form on another origin that posts with the cookie refused, and a sign-out that ends the session on the server.
 */
describe('Cookie sign-in in the browser', () => {
  let web: WebApp;
  let browser: Browser;
  let elsewhere: Server;
  let elsewhereURL: string;
  const t = reads('en');

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchChromium()]);
    // Another origin on the same machine (same site, other port): its pages may hold a form aimed at the API.
    elsewhere = createServer((req, res) => {
      const action = new URL(req.url ?? '/', 'http://x').searchParams.get('action') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><title>Win a prize</title><main><h1>Win a prize</h1>
        <form method="post" action="${action.replace(/"/g, '&quot;')}"><button>Claim</button></form></main></html>`);
    });
    await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
    elsewhereURL = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}`;
  }, 120_000);

  afterEach(closeEveryone);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await new Promise((done) => elsewhere?.close(done));
  });

  /** Presses Tab until the element named `name` has the focus (a bounded walk through the page's tab order). */
  async function tabTo(page: Page, name: RegExp) {
    for (let presses = 0; presses < 30; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const labelled = el && 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ') : '';
        return `${labelled} ${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''}`;
      });
      if (name.test(focused)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  }

  /** Signs in by keyboard alone from a fresh load of /sign-in: the skip link first, then Tab to each labelled field, Enter to send. */
  async function signIn(page: Page, email: string) {
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: t('signIn.title'), level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(t('nav.skip'));
    await tabTo(page, t('signUp.email'));
    await page.keyboard.type(email);
    await tabTo(page, t('signUp.password'));
    await page.keyboard.type(PASSWORD);
    await checkPage(page, 'en-00-sign-in');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: t('me.title', { name: 'Ada' }), level: 1 }).waitFor();
  }

  it('signs in by keyboard, keeps the session in an HttpOnly cookie, refuses a form posted from another origin, and ends it on sign-out', () => withEvidence('session', async () => {
    const { program } = await publishedProgram(web.app, { minAge: 10, maxAge: 19 });
    const teen = await signUpTeen(web.app, { birthDate: birthDateForAge(18) });
    const enrollment = (await request(web.app.getHttpServer()).post(`/v1/programs/${program.id}/enrollments`).set(bearer(teen)).expect(201)).body;
    const context = await personIn(browser, web.baseURL, 'en-US');
    const page = await context.newPage();
    await signIn(page, teen.email);

    const [session] = (await context.cookies(web.baseURL)).filter((c) => c.httpOnly);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const seenByScripts = await page.evaluate(() => ({
      cookie: document.cookie,
      stored: [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k) ?? '')),
    }));
    expect(seenByScripts.cookie).not.toContain(session.value);
    expect(seenByScripts.stored.filter((v) => v.includes(session.value) || /eyJ[\w-]+\.[\w-]+\./.test(v))).toEqual([]);

    // The other origin's form posts a withdrawal with the cookie attached: the API refuses it and nothing changes.
    const trap = await context.newPage();
    await trap.goto(`${elsewhereURL}/?action=${encodeURIComponent(`${web.baseURL}/v1/enrollments/${enrollment.id}/withdraw`)}`);
    const [answer] = await Promise.all([trap.waitForResponse((r) => r.url().endsWith('/withdraw')), trap.getByRole('button', { name: 'Claim' }).click()]);
    expect(answer.status()).toBe(403);
    expect((await answer.json()).code).toBe('csrf-refused');
    const after = await request(web.app.getHttpServer()).get(`/v1/enrollments/${enrollment.id}`).set(bearer(teen)).expect(200);
    expect(after.body.status).toBe('enrolled');

    // Signing out ends the session on the server: the same cookie, replayed, signs nobody in.
    await page.getByRole('button', { name: t('nav.signOut', {}, { exact: true }) }).click();
    await page.getByRole('link', { name: t('nav.signIn') }).waitFor();
    await request(web.app.getHttpServer()).get('/v1/me').set('Cookie', `${session.name}=${session.value}`).expect(401);
  }), 120_000);
});
