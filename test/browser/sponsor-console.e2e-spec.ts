import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { startDemoLibrary, type DemoLogin, signInAs } from './support/demo';
import type { WebApp } from './support/web-app';
import { type Language, reads } from './support/words';

const month = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 7);

/**
 * The sponsor's console of issue 20 against the seeded demo library: Acme Robotics sponsors "Scratch to JavaScript",
 * whose three teens make every teen cell suppressed; its internship "Summer junior developer" has Tess (private)
 * and Alex (shared, shortlisted). The sponsor reads its outcomes (in English and Spanish), picks a period, downloads
 * the CSV, posts an internship and offers Alex a place; the admin creates an API key for Acme and sees it once.
 */
describe('The sponsor console in the browser (Chromium, 360 px)', () => {
  let web: WebApp;
  let browser: Browser;
  let acmeId: string;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startDemoLibrary(), launchChromium()]);
    [{ id: acmeId }] = await web.app.get(DataSource).query(`SELECT id FROM sponsor WHERE name = 'Acme Robotics'`);
  }, 120_000);

  afterEach(closeEveryone);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function signedIn(who: DemoLogin, language: Language = 'en'): Promise<Page> {
    const context = await personIn(browser, web.baseURL, language === 'es' ? 'es-US' : 'en-US');
    await signInAs(context, web.baseURL, who);
    return context.newPage();
  }

  it.each(['en', 'es'] as const)('in %s: the outcomes dashboard shows suppressed cells as “fewer than 10”, never as a number', (language) =>
    withEvidence(`sponsor-outcomes-${language}`, async () => {
      const t = reads(language);
      const page = await signedIn('sponsor', language);
      await page.goto('/sponsor');
      await page.getByRole('heading', { name: t('sponsor.outcomes.title'), level: 1 }).waitFor();
      const fewer = t('sponsor.figure.suppressed', { min: 10 }, { exact: true });
      const ages = page.getByRole('table', { name: t('sponsor.outcomes.by.ageBand') });
      await ages.waitFor();
      // Under ten teens in each club: every age band is hidden, the empty ones included (complementary suppression), and said so in words.
      expect(await ages.getByRole('cell', { name: fewer }).count()).toBeGreaterThan(0);
      expect(await ages.getByRole('cell', { name: /^\d+$/ }).count()).toBe(0);
      // Each chart is an image named by the same figures.
      const chart = page.getByRole('img', { name: t('sponsor.outcomes.by.ageBand') });
      expect(await chart.getAttribute('aria-label')).toMatch(fewer.source.replace(/^\^|\$$/g, ''));
      // Web Basics' two certificates are hidden and left out (Scratch to JavaScript, still running, has none yet: at
      // least 0); the three teens who rated Scratch's sessions are hidden, and the average with them. App Inventors'
      // ten seats (none has come yet, a term not begun) show 0 raters, so the raters' sum reads "at least 0".
      await page.getByRole('heading', { name: t('sponsor.outcomes.sections.feedback'), level: 2 }).waitFor();
      for (const [measure, shownAs] of [
        ['certificatesIssued', t('sponsor.figure.partial', { value: 0 })],
        ['raters', t('sponsor.figure.partial', { value: 0 })],
        ['averageRating', t('sponsor.figure.suppressedRate', { min: 10 })],
      ] as const) {
        const item = page.getByRole('listitem').filter({ hasText: t(`sponsor.outcomes.measures.${measure}`) });
        expect(await item.textContent()).toMatch(shownAs);
        expect((await item.textContent())!.replace('10', '').replace(/\b0\b/, '')).not.toMatch(/\d/); // no 2, no 3
      }
      await chart.scrollIntoViewIfNeeded();
      await checkPage(page, `${language}-sponsor-01-outcomes`);
    }),
  120_000);

  it('the sponsor picks a period in whole months and downloads the CSV, its suppressed cells not numbers', () =>
    withEvidence('sponsor-period-csv', async () => {
      const t = reads('en');
      const page = await signedIn('sponsor');
      await page.goto('/');
      await page.getByRole('link', { name: t('nav.staff.outcomes') }).click();
      await page.getByRole('heading', { name: t('sponsor.outcomes.title'), level: 1 }).waitFor();
      const [from, to] = [month(-36), month(0)];
      await page.getByLabel(t('sponsor.outcomes.from')).fill(from);
      await page.getByLabel(t('sponsor.outcomes.to')).fill(to);
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/outcomes?') && r.url().includes(`from=${from}-01`)),
        page.getByRole('button', { name: t('sponsor.outcomes.show') }).click(),
      ]);
      expect(answer.status()).toBe(200);
      expect(new URL(page.url()).searchParams.get('from')).toBe(from);
      await page.getByRole('table', { name: t('sponsor.outcomes.monthly') }).waitFor();
      await checkPage(page, 'en-sponsor-02-outcomes-period');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('sponsor.outcomes.csv') }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`${from}-01_to_${to}-\\d{2}\\.csv$`));
      const rows: Record<string, string>[] = parse(readFileSync((await download.path())!), { columns: true, skip_empty_lines: true });
      const ageBands = rows.filter((r) => r.section === 'breakdown:ageBand' && r.measure === 'teens');
      expect(ageBands.length).toBeGreaterThan(0);
      for (const cell of ageBands) {
        expect(cell.value).toBe('<10');
        expect(Number.isNaN(Number(cell.value))).toBe(true);
      }
      // The months of the period with sessions, each hidden too: fewer than 10 teens came.
      const months = rows.filter((r) => r.section === 'monthly');
      expect(months.length).toBeGreaterThan(0);
      for (const m of months) expect([m.group >= from && m.group <= to, m.value]).toEqual([true, '<10']);
    }),
  120_000);

  it('the sponsor posts an internship (errors by field) and moves Alex along, offered only the moves the API allows', () =>
    withEvidence('sponsor-internships', async () => {
      const t = reads('en');
      const page = await signedIn('sponsor');
      await page.goto('/sponsor');
      await page.getByRole('link', { name: t('nav.staff.internships') }).click();
      await page.getByRole('heading', { name: t('sponsor.internships.title'), level: 1 }).waitFor();
      const posting = page.getByRole('article', { name: 'Summer junior developer' });
      const alex = posting.getByRole('article', { name: 'Alex Adult' });
      await alex.waitFor();
      // Tess did not share her profile: she is a pseudonym, and her name is nowhere on the page.
      await posting.getByRole('article', { name: /^applicant-[0-9A-Z]{10}$/ }).waitFor();
      expect(await page.getByText(/Tess/).count()).toBe(0);
      const moves = (name: string) => alex.getByRole('group', { name: t('sponsor.pipeline.moves', { name }) }).getByRole('button');
      expect(await moves('Alex Adult').allInnerTexts()).toEqual([
        t('sponsor.pipeline.move.offered', { name: 'Alex Adult' }).source,
        t('sponsor.pipeline.move.rejected', { name: 'Alex Adult' }).source,
      ]);
      await checkPage(page, 'en-sponsor-03-internships');

      await alex.getByRole('button', { name: t('sponsor.pipeline.move.offered', { name: 'Alex Adult' }) }).click();
      await posting.getByRole('heading', { name: `${t('applicationStatus.offered').source} (1)`, level: 4 }).waitFor();
      await alex.getByRole('button', { name: t('sponsor.pipeline.move.offered', { name: 'Alex Adult' }) }).waitFor({ state: 'detached' });
      expect(await moves('Alex Adult').allInnerTexts()).toEqual([t('sponsor.pipeline.move.rejected', { name: 'Alex Adult' }).source]);
      await checkPage(page, 'en-sponsor-04-offered');

      // A new posting: closing before it opens is refused next to the field, what was typed is kept; then it saves.
      await page.getByRole('button', { name: t('sponsor.internships.new') }).click();
      const form = page.getByRole('form', { name: t('sponsor.posting.newTitle') });
      await form.getByLabel(t('sponsor.posting.title')).fill('Robotics summer lab');
      await form.getByLabel(t('sponsor.posting.location')).fill('Acme Robotics, 9 Harbor Way');
      await form.getByLabel(t('sponsor.posting.slots')).fill('3');
      await form.getByLabel(t('sponsor.posting.minAttendance')).fill('60');
      await form.getByLabel(t('sponsor.posting.opensAt')).fill('2031-06-10T09:00');
      await form.getByLabel(t('sponsor.posting.closesAt')).fill('2031-06-01T17:00');
      await form.getByRole('button', { name: t('sponsor.posting.create') }).click();
      await form.getByText(t('fieldErrors.dateOrder')).waitFor();
      expect(await form.getByLabel(t('sponsor.posting.closesAt')).getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByLabel(t('sponsor.posting.title')).inputValue()).toBe('Robotics summer lab');
      await checkPage(page, 'en-sponsor-05-posting-error');
      await form.getByLabel(t('sponsor.posting.closesAt')).fill('2031-06-30T17:00');
      await form.getByRole('button', { name: t('sponsor.posting.create') }).click();
      const created = page.getByRole('article', { name: 'Robotics summer lab' });
      await created.getByText(t('sponsor.internships.status.draft')).waitFor();
      await created.getByRole('button', { name: t('sponsor.internships.open', { title: 'Robotics summer lab' }) }).click();
      await created.getByText(t('sponsor.internships.status.open', {}, { exact: true })).waitFor();
      await created.getByRole('button', { name: t('sponsor.internships.edit', { title: 'Robotics summer lab' }) }).click();
      const edit = created.getByRole('form', { name: t('sponsor.posting.editTitle', { title: 'Robotics summer lab' }) });
      expect(await edit.getByLabel(t('sponsor.posting.closesAt')).inputValue()).toBe('2031-06-30T17:00');
      await edit.getByLabel(t('sponsor.posting.slots')).fill('4');
      await edit.getByRole('button', { name: t('sponsor.posting.save') }).click();
      await created.getByText(t('sponsor.internships.slotsTaken', { offered: 0, slots: 4 })).waitFor();
      const [saved] = await web.app.get(DataSource).query(`SELECT min_attendance_rate, slots FROM internship WHERE title = 'Robotics summer lab'`);
      expect([Number(saved.min_attendance_rate), saved.slots]).toEqual([0.6, 4]);
    }),
  120_000);

  it('the admin opens Acme’s integrations: an API key seen once (it works as X-API-Key), replaced in one call and revoked; a webhook, its signing secret renewed and shown once; then Acme’s outcomes', () =>
    withEvidence('sponsor-integrations', async () => {
      const t = reads('en');
      const page = await signedIn('admin');
      await page.goto(`/sponsors/${acmeId}/integrations`);
      await page.getByRole('heading', { name: t('sponsor.integrations.titleOf', { name: 'Acme Robotics' }), level: 1 }).waitFor();
      await checkPage(page, 'en-sponsor-06-integrations');
      await page.getByLabel(t('sponsor.keys.name')).fill('browser test key');
      await page.getByRole('button', { name: t('sponsor.keys.create') }).click();
      const shown = page.getByRole('region', { name: t('sponsor.keys.secretLabel', { name: 'browser test key' }) });
      await shown.getByText(t('sponsor.secret.once')).waitFor();
      const key = await shown.getByLabel(t('sponsor.keys.secretLabel', { name: 'browser test key' })).inputValue();
      expect(key.length).toBeGreaterThan(20);
      await page.getByRole('listitem', { name: /browser test key/ }).waitFor();
      await checkPage(page, 'en-sponsor-07-key-once');

      const report = await fetch(`${web.baseURL}/v1/reports/sponsors/${acmeId}/outcomes`, { headers: { 'X-API-Key': key } });
      expect(report.status).toBe(200);

      await page.reload();
      const listed = page.getByRole('listitem', { name: new RegExp(`browser test key \\(${key.split('_')[1]}`) });
      await listed.waitFor();
      expect(await shown.count()).toBe(0);
      expect(await page.content()).not.toContain(key);

      // Replacing it: one call (the API's rotate), a new key, shown once, works at once; the old one is refused.
      const oldKey = (await (await fetch(`${web.baseURL}/v1/me`, { headers: { 'X-API-Key': key } })).json()) as { id: string };
      const keyCalls: string[] = [];
      const onRequest = (r: { method(): string; url(): string }) => {
        if (r.url().includes('/api-keys') && r.method() !== 'GET') keyCalls.push(`${r.method()} ${new URL(r.url()).pathname}`);
      };
      page.on('request', onRequest);
      await listed.getByRole('button', { name: t('sponsor.keys.replace', { name: 'browser test key' }) }).click();
      await shown.waitFor();
      page.off('request', onRequest);
      const replacement = await shown.getByLabel(t('sponsor.keys.secretLabel', { name: 'browser test key' })).inputValue();
      expect(replacement).not.toBe(key);
      await listed.getByText(t('sponsor.keys.revokedAt')).waitFor();
      const asKey = (secret: string) => fetch(`${web.baseURL}/v1/reports/sponsors/${acmeId}/outcomes`, { headers: { 'X-API-Key': secret } }).then((r) => r.status);
      expect([await asKey(key), await asKey(replacement)]).toEqual([401, 200]);
      expect(keyCalls).toEqual([`POST /v1/sponsors/${acmeId}/api-keys/${oldKey.id}/rotate`]);

      // Revoking asks first.
      const fresh = page.getByRole('listitem', { name: new RegExp(`browser test key \\(${replacement.split('_')[1]}`) });
      await fresh.getByRole('button', { name: t('sponsor.keys.revoke', { name: 'browser test key' }) }).click();
      const confirm = fresh.getByRole('group', { name: t('sponsor.keys.revokeConfirm', { name: 'browser test key' }) });
      await checkPage(page, 'en-sponsor-08-revoke-confirm');
      await confirm.getByRole('button', { name: t('sponsor.keys.revokeYes') }).click();
      await fresh.getByText(t('sponsor.keys.revokedAt')).waitFor();
      expect(await asKey(replacement)).toBe(401);

      // A webhook: an event is required (said next to the events), the signing secret is shown once, the deliveries
      // are listed, removing asks first.
      const hook = `${web.baseURL}/hooks/acme-${Date.now()}`;
      await page.getByLabel(t('sponsor.webhooks.url')).fill(hook);
      await page.getByRole('button', { name: t('sponsor.webhooks.register') }).click();
      await page.getByText(t('sponsor.webhooks.pickOne')).waitFor();
      await page.getByLabel(t('sponsor.webhooks.events.submitted')).check();
      await page.getByRole('button', { name: t('sponsor.webhooks.register') }).click();
      const secret = page.getByRole('region', { name: t('sponsor.webhooks.secretLabel', { url: hook }) });
      expect(await secret.getByRole('textbox').inputValue()).toMatch(/^whsec_/);
      const endpoint = page.getByRole('article', { name: hook });
      await endpoint.getByRole('button', { name: t('sponsor.webhooks.deliveries', { url: hook }) }).click();
      await endpoint.getByText(t('sponsor.webhooks.noDeliveries')).waitFor();
      await checkPage(page, 'en-sponsor-09-webhook');

      // A new signing secret: asked first, then shown once (the endpoint itself unchanged), gone after a reload.
      const first = await secret.getByRole('textbox').inputValue();
      await secret.getByRole('button', { name: t('sponsor.secret.done') }).click();
      await secret.waitFor({ state: 'detached' });
      await endpoint.getByRole('button', { name: t('sponsor.webhooks.rotate', { url: hook }) }).click();
      const asked = endpoint.getByRole('group', { name: t('sponsor.webhooks.rotateConfirm', { url: hook }) });
      await checkPage(page, 'en-sponsor-09-webhook-rotate-confirm');
      await asked.getByRole('button', { name: t('sponsor.webhooks.rotateYes') }).click();
      const renewed = endpoint.getByRole('region', { name: t('sponsor.webhooks.secretLabel', { url: hook }) });
      await renewed.getByText(t('sponsor.secret.once')).waitFor();
      const second = await renewed.getByRole('textbox').inputValue();
      expect(second).toMatch(/^whsec_/);
      expect(second).not.toBe(first);
      await checkPage(page, 'en-sponsor-09-webhook-new-secret');
      await page.reload();
      await endpoint.waitFor();
      expect(await renewed.count()).toBe(0);
      expect(await page.content()).not.toContain(second);
      await endpoint.getByRole('button', { name: t('sponsor.webhooks.remove', { url: hook }) }).click();
      await endpoint.getByRole('button', { name: t('sponsor.webhooks.removeYes') }).click();
      await endpoint.waitFor({ state: 'detached' });

      // The admin reads any sponsor's outcomes, picked by name.
      await page.goto('/sponsor');
      await page.getByLabel(t('sponsor.choice.label')).selectOption({ label: 'Acme Robotics' });
      await page.getByRole('table', { name: t('sponsor.outcomes.by.gender') }).getByRole('cell', { name: t('sponsor.figure.suppressed', { min: 10 }) }).first().waitFor();
      expect(new URL(page.url()).searchParams.get('sponsor')).toBe(acmeId);
      await checkPage(page, 'en-sponsor-10-admin-outcomes');
    }),
  120_000);
});
