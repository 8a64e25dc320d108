import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { signInAs, startDemoLibrary } from './support/demo';
import type { WebApp } from './support/web-app';
import { reads } from './support/words';

/**
 * The demo's Tess rates last week's Scratch session on her phone: "How was it?", a rating from a radio group, a
 * comment, sent once. Then the coordinator reads, in Spanish, what the club's teens said: the second week's comments
 * (three teens wrote one) and the note that the last week's are held back.
 */
describe('Session feedback in the browser (Chromium, phone width)', () => {
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

  it('a teen rates her last session once, with a comment', () =>
    withEvidence('feedback-teen', async () => {
      const t = reads('en');
      const context = await personIn(browser, web.baseURL, 'en-US');
      await signInAs(context, web.baseURL, 'teen');
      const page = await context.newPage();
      await page.goto('/me');
      await page.getByRole('heading', { name: t('feedback.title'), level: 2 }).waitFor();
      const form = page.getByRole('article', { name: /Scratch to JavaScript/ });
      await form.getByRole('group', { name: t('feedback.question') }).waitFor();
      await checkPage(page, 'en-feedback-01-asked');

      await form.getByRole('button', { name: t('feedback.send') }).click();
      await form.getByText(t('feedback.pickRating')).waitFor();
      await form.getByRole('radio', { name: t('feedback.rating.5') }).check();
      await form.getByLabel(t('feedback.comment')).fill('The sprite races were great.');
      await form.getByRole('button', { name: t('feedback.send') }).click();
      await form.getByRole('status').filter({ hasText: t('feedback.given', { rating: 5 }) }).waitFor();
      await checkPage(page, 'en-feedback-02-given');

      const rows = await web.app.get(DataSource).query(
        `SELECT f.rating, f.comment FROM session_feedback f JOIN participant p ON p.id = f.participant_id JOIN user_account u ON u.id = p.user_id WHERE u.email = 'teen@demo.codeshelf.test'`,
      );
      expect(rows).toHaveLength(2);
      expect(rows).toContainEqual({ rating: 5, comment: 'The sprite races were great.' });
    }));

  it('in es: the coordinator reads the club’s ratings and the comments shown, without names', () =>
    withEvidence('feedback-coordinator-es', async () => {
      const t = reads('es');
      const [{ id }] = await web.app.get(DataSource).query(`SELECT id FROM program WHERE title = 'Scratch to JavaScript'`);
      const context = await personIn(browser, web.baseURL, 'es-US');
      await signInAs(context, web.baseURL, 'coordinator');
      const page = await context.newPage();
      await page.goto(`/coordinator/programs/${id}`);
      const section = page.getByRole('region', { name: t('mentor.feedback.title') });
      await section.getByText('More time for our own projects, please!').waitFor();
      await section.getByText(t('mentor.feedback.heldBack')).waitFor();
      expect(await section.getByText('Loved the sprite races').count()).toBe(0);
      expect(await section.innerText()).not.toMatch(/Tess|Riley|Alex/);
      await checkPage(page, 'es-feedback-03-coordinator');
    }));
});
