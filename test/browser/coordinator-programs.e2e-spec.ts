import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { email, PASSWORD } from '../../scripts/demo-library';
import { bearer, login } from '../support/identity';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { startDemoLibrary, signInAs } from './support/demo';
import type { WebApp } from './support/web-app';
import { type Language, reads } from './support/words';

const ZONE = 'America/Chicago';
// Next year's March: daylight-saving time starts on its second Sunday (the 14th in 2027), between our Wednesdays.
const YEAR = new Date().getUTCFullYear() + 1;
const CLOSED = `${YEAR}-03-17`;

/**
 * The coordinator's week in a real browser against the seeded demo library, on a 360 px phone: a program with a
 * weekly series across the March daylight-saving change and a closure — previewed (the closure marked skipped), saved,
 * 16:00 on both sides — a mentor assigned where one double booking is refused in words naming the other session,
 * published; then the dashboard with the demo's flagged teen, and (for an admin, who sees every branch) the pending consent.
 */
describe('The coordinator console in the browser (Chromium)', () => {
  let web: WebApp;
  let browser: Browser;
  let central: string;
  let busyProgram: string;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startDemoLibrary(), launchChromium()]);
    const http = web.app.getHttpServer();
    const admin = { token: await login(web.app, email('admin'), PASSWORD) };
    const branches = (await request(http).get('/v1/branches').query({ limit: 200 }).expect(200)).body.items as { id: string; name: string }[];
    central = branches.find((b) => b.name === 'Central Library')!.id;
    const riverside = branches.find((b) => b.name === 'Riverside Branch')!.id;
    await request(http).post(`/v1/branches/${central}/closures`).set(bearer(admin)).send({ date: CLOSED, reason: 'Spring staff day' });
    // Max Mentor, the demo's mentor, is booked at Riverside on the second Wednesday at 16:00: assigning him then is refused.
    busyProgram = `Wednesday Robotics Lab ${randomUUID().slice(0, 4)}`;
    const busy = (
      await request(http)
        .post('/v1/programs')
        .set(bearer(admin))
        .send({ branchId: riverside, title: busyProgram, level: 'beginner', minAge: 12, maxAge: 18, capacity: 10, startsOn: `${YEAR}-03-01`, endsOn: `${YEAR}-03-31` })
        .expect(201)
    ).body;
    const session = (
      await request(http)
        .post(`/v1/programs/${busy.id}/sessions`)
        .set(bearer(admin))
        .send({ startsAt: `${YEAR}-03-10T16:00:00-06:00`, endsAt: `${YEAR}-03-10T17:30:00-06:00` })
        .expect(201)
    ).body;
    const max = ((await request(http).get('/v1/mentors').query({ limit: 200 }).set(bearer(admin)).expect(200)).body.items as { id: string; displayName: string }[]).find(
      (m) => m.displayName === 'Max Mentor',
    )!;
    await request(http).put(`/v1/sessions/${session.id}/mentors/${max.id}`).set(bearer(admin)).send({ role: 'lead' }).expect(200);
  }, 180_000);

  afterEach(closeEveryone);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function signedIn(who: 'coordinator' | 'admin', locale: 'en-US' | 'es-US'): Promise<Page> {
    const context = await personIn(browser, web.baseURL, locale);
    await signInAs(context, web.baseURL, who);
    return context.newPage();
  }

  it.each(['en', 'es'] as const)('in %s: a program with a weekly series across the DST change, a mentor, published; the dashboard', (language: Language) =>
    withEvidence(`coordinator-${language}`, async () => {
      const t = reads(language);
      const full = language === 'en';
      let shots = 0;
      const check = (page: Page, name: string) => checkPage(page, `${language}-coordinator-${String(++shots).padStart(2, '0')}-${name}`);
      const title = `${language === 'en' ? 'Spring Robotics' : 'Robótica de primavera'} ${randomUUID().slice(0, 4)}`;
      const page = await signedIn('coordinator', language === 'es' ? 'es-US' : 'en-US');

      // Signed in, the coordinator lands on the dashboard: the demo's teen who missed the last three sessions is flagged.
      await page.goto('/coordinator');
      await page.getByRole('heading', { name: t('coordinator.dashboard.title'), level: 1 }).waitFor();
      const flagged = page.getByRole('region', { name: t('coordinator.dashboard.flagged') });
      await flagged.getByText('Riley Reed').waitFor();
      await flagged.getByText(t('coordinator.dashboard.absences', { count: 3, title: 'Scratch to JavaScript' })).waitFor();
      await check(page, 'dashboard');

      // A new program: the age rule's answer in words next to its field, what was typed kept.
      await page.getByRole('link', { name: t('nav.staff.programs'), exact: true }).click();
      await page.getByRole('heading', { name: t('coordinator.programs.title'), level: 1 }).waitFor();
      await check(page, 'programs');
      await page.getByRole('link', { name: t('coordinator.programs.new') }).click();
      await page.getByRole('heading', { name: t('coordinator.programForm.newTitle'), level: 1 }).waitFor();
      await page.getByLabel(t('coordinator.programForm.branch')).selectOption(central);
      await page.getByLabel(t('coordinator.programForm.title'), { exact: true }).fill(title);
      await page.getByLabel(t('coordinator.programForm.description')).fill('Build and program robots.');
      await page.getByLabel(t('coordinator.programForm.minAge')).fill('13');
      await page.getByLabel(t('coordinator.programForm.maxAge')).fill(full ? '12' : '17');
      await page.getByLabel(t('coordinator.programForm.capacity')).fill('16');
      await page.getByLabel(t('coordinator.programForm.startsOn')).fill(`${YEAR}-03-01`);
      await page.getByLabel(t('coordinator.programForm.endsOn')).fill(`${YEAR}-03-31`);
      if (full) {
        await page.getByRole('button', { name: t('coordinator.programForm.create') }).click();
        await page.getByText(t('coordinator.fieldErrors.maxAgeBelowMin', { min: 13 })).waitFor();
        expect(await page.getByLabel(t('coordinator.programForm.title'), { exact: true }).inputValue()).toBe(title);
        await check(page, 'program-form-error');
        await page.getByLabel(t('coordinator.programForm.maxAge')).fill('17');
      }
      await page.getByRole('button', { name: t('coordinator.programForm.create') }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();

      // The series from the form: Wednesdays at 16:00, in the Maker Lab (the English run; the Spanish one has no room).
      await page.getByLabel(new RegExp(`^${new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 3)))}$`, 'i')).check();
      await page.getByLabel(t('coordinator.series.startTime', { zone: ZONE })).fill('16:00');
      await page.getByLabel(t('coordinator.series.duration')).fill('90');
      if (full) await page.getByLabel(t('coordinator.series.room')).selectOption((await page.getByRole('option', { name: /^Maker Lab/ }).getAttribute('value'))!);
      await page.getByText(t('coordinator.series.advanced')).click();
      await page.getByText('FREQ=WEEKLY;BYDAY=WE').waitFor();
      await page.getByRole('button', { name: t('coordinator.series.preview') }).click();
      const dates = page.getByRole('list', { name: t('coordinator.series.previewList') });
      await dates.waitFor();
      // Five Wednesdays; the closure's one marked skipped with its reason, the other four at 16:00 local on both sides of the change.
      const closedDay = new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${CLOSED}T12:00:00Z`));
      const skippedItem = dates.getByRole('listitem').filter({ hasText: closedDay });
      await skippedItem.getByText(t('coordinator.series.skipped')).waitFor();
      expect(await skippedItem.innerText()).toContain('Spring staff day');
      const items = await dates.getByRole('listitem').allInnerTexts();
      expect(items).toHaveLength(5);
      const sixteen = full ? /4:00\sPM/ : /16:00/;
      expect(items.filter((text) => sixteen.test(text))).toHaveLength(4);
      await check(page, 'series-preview');
      await page.getByRole('button', { name: t('coordinator.series.save', { count: 4 }) }).click();
      await page.getByRole('status').getByText(t('coordinator.series.saved', { count: 4, skipped: 1 })).waitFor();

      // The sessions table: 16:00 before the change (CST, UTC−6) and after it (CDT, UTC−5).
      const table = page.getByRole('region', { name: t('coordinator.program.sessions') });
      await table.getByRole('link').nth(3).waitFor();
      const when = await table.getByRole('link').allInnerTexts();
      expect(when).toHaveLength(4);
      for (const text of when) expect(text).toMatch(sixteen);
      if (full) {
        expect(when[0]).toMatch(/Mar 3.*4:00\sPM.*CST/);
        expect(when[2]).toMatch(/Mar 24.*4:00\sPM.*CDT/);
      }
      await check(page, 'program-sessions');

      // Max is mentoring elsewhere on the second Wednesday: refused, in words naming that session; on the first he is free.
      await table.getByRole('link').nth(1).click();
      await page.getByRole('heading', { name: t('coordinator.session.title', { title }), level: 1 }).waitFor();
      const mentor = page.getByLabel(t('coordinator.session.mentor', {}, { exact: true }));
      await mentor.selectOption((await page.getByRole('option', { name: /^Max Mentor/ }).getAttribute('value'))!);
      await page.getByRole('button', { name: t('coordinator.session.assign') }).click();
      await page.getByText(t('coordinator.problems.mentorBusy', { name: 'Max Mentor', title: busyProgram })).waitFor();
      await check(page, 'session-mentor-refused');
      if (full) {
        await page.goBack();
        await table.getByRole('link').first().click();
        await page.getByRole('heading', { name: t('coordinator.session.title', { title }), level: 1 }).waitFor();
        await mentor.selectOption((await page.getByRole('option', { name: /^Max Mentor/ }).getAttribute('value'))!);
        await page.getByRole('button', { name: t('coordinator.session.assign') }).click();
        await page.getByRole('button', { name: t('coordinator.session.unassign', { name: 'Max Mentor' }) }).waitFor();
        await page.getByText(t('coordinator.session.ratioText', { count: 1, teens: 0 })).waitFor();
        await check(page, 'session-mentor-assigned');

        // "This and following": the third Wednesday on moves to 17:00, the earlier ones stay at 16:00.
        await page.goBack();
        await table.getByRole('link').nth(2).click();
        await page.getByRole('heading', { name: t('coordinator.session.title', { title }), level: 1 }).waitFor();
        const move = page.getByRole('region', { name: t('coordinator.session.move', {}, { exact: true }) });
        await move.getByLabel(t('coordinator.session.start', { zone: ZONE })).fill('17:00');
        await move.getByLabel(t('coordinator.session.end', { zone: ZONE })).fill('18:30');
        await move.getByLabel(t('coordinator.session.scopeFollowing')).check();
        await move.getByRole('button', { name: t('coordinator.session.moveSubmit', {}, { exact: true }) }).click();
        await page.getByRole('status').getByText(t('coordinator.session.moved', { count: 2 })).waitFor();
        await page.getByRole('link', { name: t('coordinator.session.back', { title }) }).click();
        await table.getByRole('link', { name: /Mar 31.*5:00\sPM.*CDT/ }).waitFor();
        expect(await table.getByRole('link').allInnerTexts()).toEqual([
          expect.stringMatching(/Mar 3.*4:00\sPM/),
          expect.stringMatching(/Mar 10.*4:00\sPM/),
          expect.stringMatching(/Mar 24.*5:00\sPM/),
          expect.stringMatching(/Mar 31.*5:00\sPM/),
        ]);

        // Edit: every field the API takes, kept as saved.
        await page.getByRole('link', { name: t('coordinator.program.edit') }).click();
        await page.getByRole('heading', { name: t('coordinator.programForm.editTitle', { title }), level: 1 }).waitFor();
        expect(await page.getByLabel(t('coordinator.programForm.capacity')).inputValue()).toBe('16');
        await check(page, 'program-edit');
        await page.getByLabel(t('coordinator.programForm.capacity')).fill('18');
        await page.getByRole('button', { name: t('coordinator.programForm.save') }).click();
        await page.getByRole('heading', { name: title, level: 1 }).waitFor();
        await page.getByText('0 / 18').waitFor();
        await page.getByRole('link', { name: /Mar 3,/ }).click();
        await page.getByRole('heading', { name: t('coordinator.session.title', { title }), level: 1 }).waitFor();
      }

      // Published.
      await page.getByRole('link', { name: t('coordinator.session.back', { title }) }).click();
      await page.getByRole('button', { name: t('coordinator.program.publish') }).click();
      await page.getByRole('status').getByText(t('coordinator.program.now.published')).waitFor();
      await check(page, 'program-published');

      if (full) {
        // Once at desktop width too.
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto('/coordinator');
        await page.getByRole('region', { name: t('coordinator.dashboard.flagged') }).getByText('Riley Reed').waitFor();
        await check(page, 'dashboard-desktop');
      }

      // An admin sees every branch: Pat Pending, who signed up with no home branch yet, waits for her guardian; mail them again.
      const admin = await signedIn('admin', language === 'es' ? 'es-US' : 'en-US');
      await admin.goto('/coordinator');
      const consent = admin.getByRole('region', { name: t('coordinator.dashboard.consent') });
      await consent.getByText('Pat Pending', { exact: true }).waitFor();
      if (full) {
        await consent.getByRole('button', { name: t('coordinator.dashboard.resend', { name: 'Pat Pending' }) }).click();
        await consent.getByRole('status').waitFor();
      }
      await check(admin, 'dashboard-admin');
    }),
  );
});
