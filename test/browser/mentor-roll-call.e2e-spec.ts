import type { Browser } from 'playwright-core';
import request from 'supertest';
import { bearer } from '../support/identity';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { startDemoLibrary, signInAs } from './support/demo';
import { centralTeens, opsClub, selfEnroll } from './support/ops';
import type { WebApp } from './support/web-app';
import { reads } from './support/words';
import * as mentorWords from '../../apps/web/src/mentor/messages';

const MINUTE = 60_000;
/** The word the page says for `late` (the messages' own, read straight from the translations). */
const LATE = { en: mentorWords.en.status.late, es: mentorWords.es.status.late };

/**
 * The demo mentor (Max) takes roll call on a 360 px phone: his sessions, one teen tapped on to "late", "all present"
 * for the rest, one save, and the saved statuses still there on reload. Once in English, once in Spanish, each on a
 * club of its own (made through the API) so the demo's own roll calls stay as they are.
 */
describe('The mentor’s roll call in the browser (Chromium, 360 px)', () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startDemoLibrary(), launchChromium()]);
  }, 180_000);

  afterEach(closeEveryone);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it.each(['en', 'es'] as const)('in %s: my sessions, one tap per teen, all present, one save, kept on reload', (language) =>
    withEvidence(`mentor-${language}`, async () => {
      const t = reads(language);
      const now = Date.now();
      // Max may not be in two sessions at once: the English run's session ends before the Spanish run's begins.
      const sessionAt = language === 'en' ? { startsAt: new Date(now - 45 * MINUTE), minutes: 50 } : { startsAt: new Date(now + 7 * MINUTE), minutes: 45 };
      const club = await opsClub(web.app, language === 'en' ? 'Roll call club' : 'Club de lista', { capacity: 10, sessionAt, withMax: true });
      const teens = await centralTeens(web.app, ['Ivy', 'Jon', 'Kim']);
      for (const teen of teens) expect((await selfEnroll(web.app, club.programId, teen)).status).toBe('enrolled');

      const context = await personIn(browser, web.baseURL, language === 'es' ? 'es-US' : 'en-US');
      await signInAs(context, web.baseURL, 'mentor');
      const page = await context.newPage();
      await page.goto('/mentor');
      await page.getByRole('heading', { name: t('mentor.home.title'), level: 1 }).waitFor();
      await page.getByRole('heading', { name: t('mentor.hours.title') }).waitFor();
      await page.getByRole('link', { name: club.title }).first().waitFor();
      await checkPage(page, `${language}-mentor-01-sessions`);
      await page.getByRole('link', { name: club.title }).first().click();
      await page.getByRole('heading', { name: club.title, level: 1 }).waitFor();

      const teen = (name: string) => page.getByRole('button', { name: new RegExp(`^${name} O\\.`) });
      const statusOf = async (name: string) => (await teen(name).innerText()).replace(/\s+/g, ' ');
      for (const name of ['Ivy', 'Jon', 'Kim']) expect(await statusOf(name)).toMatch(t('mentor.status.unmarked'));
      await checkPage(page, `${language}-mentor-02-roll-call`);

      // Ivy: one tap present, a second late; the page says so in words, for a screen reader too.
      await teen('Ivy').click();
      await teen('Ivy').click();
      expect(await statusOf('Ivy')).toMatch(t('mentor.status.late'));
      await page.getByRole('status').filter({ hasText: t('mentor.rollCall.marked', { name: 'Ivy O.', status: LATE[language] }) }).waitFor();
      await page.getByRole('button', { name: t('mentor.rollCall.allPresent') }).click();
      for (const name of ['Jon', 'Kim']) expect(await statusOf(name)).toMatch(t('mentor.status.present'));
      expect(await statusOf('Ivy')).toMatch(t('mentor.status.late'));
      await checkPage(page, `${language}-mentor-03-marked`);
      await page.getByRole('button', { name: t('mentor.rollCall.save') }).click();
      await page.getByRole('status').filter({ hasText: t('mentor.rollCall.saved') }).waitFor();

      await page.reload();
      await page.getByRole('heading', { name: club.title, level: 1 }).waitFor();
      await teen('Ivy').waitFor();
      expect(await statusOf('Ivy')).toMatch(t('mentor.status.late'));
      for (const name of ['Jon', 'Kim']) expect(await statusOf(name)).toMatch(t('mentor.status.present'));
      await checkPage(page, `${language}-mentor-04-saved`);

      // What the API keeps: the statuses, recorded by roll call.
      const sheet = (await request(web.app.getHttpServer()).get(`/v1/sessions/${club.sessionId}/attendance`).set(bearer(club.cora)).expect(200)).body;
      const byName = Object.fromEntries(sheet.teens.map((m: { firstName: string; status: string; method: string }) => [m.firstName, [m.status, m.method]]));
      expect(byName).toEqual({ Ivy: ['late', 'roll_call'], Jon: ['present', 'roll_call'], Kim: ['present', 'roll_call'] });
      expect(sheet.mentors).toEqual([expect.objectContaining({ displayName: 'Max Mentor', status: 'present' })]);
    }),
  );
});
