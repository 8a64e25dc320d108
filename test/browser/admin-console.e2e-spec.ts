import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { en as enWords, es as esWords } from '../../apps/web/src/admin/messages';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { startDemoLibrary, signInAs } from './support/demo';
import type { WebApp } from './support/web-app';
import { type Language, reads } from './support/words';

const locales: Record<Language, 'en-US' | 'es-US'> = { en: 'en-US', es: 'es-US' };
const unique = () => randomUUID().slice(0, 8);

/**
 * The admin's week in the browser against the seeded demo library, on a 360 px phone: invite a coordinator for
 * Riverside who then signs in and sees only Riverside's drafts, disable them and see their sign-in refused; a branch
 * with a room and a closure (in English and Spanish); a sponsor and its sponsorship of a program; a failed mail
 * listed with what went wrong and sent again.
 */
describe('The admin console in the browser (Chromium, 360 px)', () => {
  let web: WebApp;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startDemoLibrary(), launchChromium()]);
    db = web.app.get(DataSource);
  }, 180_000);

  afterEach(closeEveryone);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function admin(language: Language): Promise<{ context: BrowserContext; page: Page }> {
    const context = await personIn(browser, web.baseURL, locales[language]);
    await signInAs(context, web.baseURL, 'admin');
    return { context, page: await context.newPage() };
  }

  async function branchId(name: string): Promise<string> {
    const [row] = await db.query(`SELECT id FROM branch WHERE name = $1`, [name]);
    return row.id;
  }

  /** Signs in through the sign-in page; answers the session call's status. */
  async function signInThroughPage(page: Page, t: ReturnType<typeof reads>, email: string, password: string): Promise<number> {
    await page.goto('/sign-in');
    await page.getByLabel(t('signUp.email')).fill(email);
    await page.getByLabel(t('signUp.password')).fill(password);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/auth/session' && r.request().method() === 'POST'),
      page.getByRole('button', { name: t('signIn.submit') }).click(),
    ]);
    return answer.status();
  }

  it('invites a coordinator for Riverside who signs in and sees only Riverside, then Central too once added; disabled, their sign-in is refused', () => withEvidence('admin-users', async () => {
    const t = reads('en');
    const riverside = await branchId('Riverside Branch');
    const central = await branchId('Central Library');
    const { context, page } = await admin('en');
    // A draft at Central: the admin sees it, a Riverside coordinator must not.
    const draft = await context.request.post('/v1/programs', {
      headers: { Origin: web.baseURL },
      data: { branchId: central, title: `Central draft ${unique()}`, level: 'beginner', minAge: 13, maxAge: 18, capacity: 10, startsOn: '2031-01-06', endsOn: '2031-03-30' },
    });
    expect(draft.status()).toBe(201);

    await page.goto('/admin/users');
    await page.getByRole('heading', { name: t('admin.users.title'), level: 1 }).waitFor();
    await page.getByRole('table', { name: t('admin.users.caption') }).waitFor();
    await checkPage(page, 'en-admin-01-users');

    const email = `rita-${unique()}@test.codeshelf.invalid`;
    const invite = page.getByRole('region', { name: t('admin.users.invite.title') });
    await invite.getByLabel(t('admin.users.email', {}, { exact: true })).fill(email);
    await invite.getByLabel(t('admin.users.name', {}, { exact: true })).fill('Rita Riverside');
    await invite.getByLabel(t('admin.users.role', {}, { exact: true })).selectOption('coordinator');
    await invite.getByLabel('Riverside Branch').check();
    await invite.getByRole('button', { name: t('admin.users.invite.submit') }).click();
    const done = invite.getByRole('status');
    await done.getByText(t('admin.users.invite.done', { name: 'Rita Riverside', email })).waitFor();
    const password = await done.getByLabel(t('admin.users.invite.password')).inputValue();
    expect(password).toMatch(/^[A-Za-z0-9]{18}$/);
    await checkPage(page, 'en-admin-02-user-invited');

    // Rita signs in through the page with the password she was handed, and sees Riverside's drafts only.
    const rita = await (await personIn(browser, web.baseURL, 'en-US')).newPage();
    expect(await signInThroughPage(rita, t, email, password)).toBe(200);
    await rita.waitForURL((url) => url.pathname !== '/sign-in');
    const me = await (await rita.context().request.get('/v1/me')).json();
    expect(me).toMatchObject({ role: 'coordinator', branchIds: [riverside] });
    const drafts = async (context: BrowserContext) =>
      (await (await context.request.get('/v1/programs?status=draft&limit=200')).json()).items as { title: string; branchId: string }[];
    const ritas = await drafts(rita.context());
    expect(ritas.map((p) => p.title)).toContain('Web Makers');
    expect(new Set(ritas.map((p) => p.branchId))).toEqual(new Set([riverside]));
    expect((await drafts(context)).map((p) => p.branchId)).toContain(central);

    // Her branches change: Central is added, and she now reads its drafts too.
    await page.getByLabel(t('admin.users.search')).fill('rita riverside');
    await page.getByRole('button', { name: t('admin.users.edit.button', { name: 'Rita Riverside' }) }).click();
    const editor = page.getByRole('region', { name: t('admin.users.edit.title', { name: 'Rita Riverside' }) });
    await editor.getByLabel('Central Library').check();
    await editor.getByRole('button', { name: t('admin.save') }).click();
    await page.getByRole('row', { name: /Rita Riverside.*Central Library/ }).waitFor();
    expect((await drafts(rita.context())).map((p) => p.branchId)).toContain(central);

    // Found by the search, she is disabled; her open session stops at once and a new sign-in is refused in words.
    await page.getByLabel(t('admin.users.search')).fill('rita riverside');
    await page.getByRole('cell', { name: email }).waitFor();
    await page.getByRole('button', { name: t('admin.users.disable', { name: 'Rita Riverside' }) }).click();
    await page.getByRole('button', { name: t('admin.users.enable', { name: 'Rita Riverside' }) }).waitFor();
    await page.getByRole('row', { name: /Rita Riverside/ }).getByText(t('admin.users.disabled', {}, { exact: true })).waitFor();
    await checkPage(page, 'en-admin-03-user-disabled');
    expect((await rita.context().request.get('/v1/me')).status()).toBe(401);
    const refused = await (await personIn(browser, web.baseURL, 'en-US')).newPage();
    expect(await signInThroughPage(refused, t, email, password)).toBe(401);
    await refused.getByRole('alert').getByText(t('problems.invalid-credentials')).waitFor();
    await checkPage(refused, 'en-admin-04-disabled-sign-in-refused');
  }), 180_000);

  it.each(['en', 'es'] as const)('in %s: creates a branch in its zone, adds a room and a closure, and reopens the day', (language) =>
    withEvidence(`admin-branches-${language}`, async () => {
      const t = reads(language);
      const { page } = await admin(language);
      const name = `${language === 'en' ? 'Eastside' : 'Oriente'} ${unique()}`;
      await page.goto('/admin/branches');
      await page.getByRole('heading', { name: t('admin.branches.title'), level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Riverside Branch' }).waitFor();
      await checkPage(page, `${language}-admin-05-branches`);

      const form = page.getByRole('region', { name: t('admin.branches.new') });
      await form.getByLabel(t('admin.branches.name', {}, { exact: true })).fill(name);
      await form.getByLabel(t('admin.branches.address', {}, { exact: true })).fill('1 Sunrise Ave');
      await form.getByLabel(t('admin.branches.timezone', {}, { exact: true })).selectOption('America/Denver');
      await form.getByRole('button', { name: t('admin.branches.create') }).click();
      await page.getByLabel(t('admin.branches.search')).fill(name);
      await page.getByRole('row', { name: new RegExp(`${name}.*America/Denver`) }).waitFor();
      await page.getByRole('link', { name }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();

      const room = page.getByRole('form', { name: t('admin.rooms.new') });
      await room.getByLabel(t('admin.rooms.name', {}, { exact: true })).fill('Maker Lab');
      await room.getByLabel(t('admin.rooms.seats', {}, { exact: true })).fill('24');
      await room.getByRole('button', { name: t('admin.rooms.add') }).click();
      await page.getByRole('table', { name: t('admin.rooms.caption') }).getByRole('row', { name: /Maker Lab\s*24/ }).waitFor();
      await page.getByRole('button', { name: t('admin.rooms.change', { name: 'Maker Lab' }) }).click();
      const editor = page.getByRole('form', { name: t('admin.rooms.edit', { name: 'Maker Lab' }) });
      await editor.getByLabel(t('admin.rooms.seats', {}, { exact: true })).fill('30');
      await editor.getByRole('button', { name: t('admin.save') }).click();
      await page.getByRole('table', { name: t('admin.rooms.caption') }).getByRole('row', { name: /Maker Lab\s*30/ }).waitFor();
      // The same name again is refused in words, and the form keeps what was typed.
      await room.getByLabel(t('admin.rooms.name', {}, { exact: true })).fill('Maker Lab');
      await room.getByLabel(t('admin.rooms.seats', {}, { exact: true })).fill('12');
      await room.getByRole('button', { name: t('admin.rooms.add') }).click();
      await room.getByRole('alert').getByText(t('admin.problems.room-name-taken')).waitFor();
      expect(await room.getByLabel(t('admin.rooms.seats', {}, { exact: true })).inputValue()).toBe('12');

      const closure = page.getByRole('form', { name: t('admin.closures.new') });
      await closure.getByLabel(t('admin.closures.date', {}, { exact: true })).fill('2031-07-04');
      await closure.getByLabel(t('admin.closures.reason', {}, { exact: true })).fill(language === 'en' ? 'Independence Day' : 'Día de la Independencia');
      await closure.getByRole('button', { name: t('admin.closures.add') }).click();
      const day = new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(Date.UTC(2031, 6, 4)));
      const closures = page.getByRole('table', { name: t('admin.closures.caption', { zone: 'America/Denver' }) });
      await closures.getByRole('rowheader', { name: day }).waitFor();
      await checkPage(page, `${language}-admin-06-branch-room-closure`);

      await closures.getByRole('button', { name: t('admin.closures.remove', { date: day }) }).click();
      await page.getByText(t('admin.closures.none')).waitFor();
    }),
  120_000);

  it('creates a sponsor, records its sponsorship of a program, and links to its integrations', () => withEvidence('admin-sponsors', async () => {
    const t = reads('en');
    const { page } = await admin('en');
    const name = `Globex ${unique()}`;
    await page.goto('/admin/sponsors');
    await page.getByRole('heading', { name: t('admin.sponsors.title'), level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Acme Robotics', exact: true }).waitFor();
    await checkPage(page, 'en-admin-07-sponsors');

    const form = page.getByRole('region', { name: t('admin.sponsors.new') });
    await form.getByLabel(t('admin.sponsors.name', {}, { exact: true })).fill(name);
    await form.getByLabel(t('admin.sponsors.website', {}, { exact: true })).fill('not a web address');
    await form.getByLabel(t('admin.sponsors.contactEmail', {}, { exact: true })).fill('community@globex.example');
    await form.getByRole('button', { name: t('admin.sponsors.create') }).click();
    // The API's field error sits by the website field; fixed, the sponsor is made and its page opens.
    const website = form.getByLabel(t('admin.sponsors.website', {}, { exact: true }));
    await form.getByText(t('fieldErrors.isUrl')).waitFor();
    expect(await website.getAttribute('aria-invalid')).toBe('true');
    await website.fill('https://globex.example');
    await form.getByRole('button', { name: t('admin.sponsors.create') }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const integrations = page.getByRole('link', { name: t('admin.sponsors.integrationsOf', { name }) });
    expect(new URL(await integrations.getAttribute('href') ?? '', web.baseURL).pathname).toMatch(/^\/sponsors\/[0-9a-f-]{36}\/integrations$/);

    const sponsorship = page.getByRole('form', { name: t('admin.sponsorships.new') });
    await sponsorship.getByLabel(t('admin.sponsorships.branch', {}, { exact: true })).selectOption({ label: 'Riverside Branch' });
    await sponsorship.getByLabel(t('admin.sponsorships.program', {}, { exact: true })).selectOption({ label: 'Web Makers' });
    await sponsorship.getByLabel(t('admin.sponsorships.startsOn', {}, { exact: true })).fill('2031-01-01');
    await sponsorship.getByLabel(t('admin.sponsorships.endsOn', {}, { exact: true })).fill('2031-06-30');
    await sponsorship.getByLabel(t('admin.sponsorships.amountOptional')).fill('2500');
    await sponsorship.getByRole('button', { name: t('admin.sponsorships.create') }).click();
    await page.getByRole('table', { name: t('admin.sponsorships.caption') }).getByRole('row', { name: /Web Makers.*Riverside Branch.*2,500\.00/ }).waitFor();
    await checkPage(page, 'en-admin-08-sponsor-sponsorship');
  }), 120_000);

  it.each(['en', 'es'] as const)('in %s: lists a failed mail with what went wrong, and retry puts it back in line', (language) =>
    withEvidence(`admin-outbox-${language}`, async () => {
      const t = reads(language);
      const promoted = { en: enWords, es: esWords }[language].outbox.topics.enrollment.promoted;
      const error = `connect ECONNREFUSED 127.0.0.1:9 (${unique()})`;
      // Written long ago, so it heads the oldest-first list whatever other test files left failed.
      const [{ id }] = await db.query(
        `INSERT INTO outbox_message (topic, payload, status, attempts, last_error, created_at) VALUES ('enrollment.promoted', '{}', 'failed', 8, $1, '2001-01-01T12:00:00Z') RETURNING id`,
        [error],
      );
      const { page } = await admin(language);
      await page.goto('/admin/outbox');
      await page.getByRole('heading', { name: t('admin.outbox.title'), level: 1 }).waitFor();
      const row = page.getByRole('row', { name: new RegExp(error.replace(/[.()]/g, '\\$&')) });
      await row.getByText(t('admin.outbox.tries', { count: 8 })).waitFor();
      await row.getByRole('rowheader', { name: t('admin.outbox.topics.enrollment.promoted') }).waitFor();
      await checkPage(page, `${language}-admin-09-outbox-failed`);

      await row.getByRole('button', { name: t('admin.outbox.retry', { what: promoted }) }).click();
      await page.getByRole('status').getByText(t('admin.outbox.retried', { what: promoted })).waitFor();
      await row.waitFor({ state: 'detached' });
      const [message] = await db.query(`SELECT status, attempts FROM outbox_message WHERE id = $1`, [id]);
      expect(message).toEqual({ status: 'pending', attempts: 0 });
      await page.getByLabel(t('admin.outbox.status', {}, { exact: true })).selectOption('pending');
      await page.getByRole('row', { name: new RegExp(error.replace(/[.()]/g, '\\$&')) }).getByText(t('admin.outbox.states.pending', {}, { exact: true })).waitFor();
      // Delivered out of the way, so no later test finds this made-up message waiting.
      await db.query(`UPDATE outbox_message SET status = 'skipped' WHERE id = $1`, [id]);
    }),
  120_000);
});
