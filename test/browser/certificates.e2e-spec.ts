import type { Browser, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readPdf } from '../support/pdf';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { type DemoLogin, signInAs, startDemoLibrary } from './support/demo';
import type { WebApp } from './support/web-app';
import { type Language, reads } from './support/words';

/**
 * Certificates of completion of issue 22 against the seeded demo library: Tess and Alex completed "Web Basics"
 * at Central Library (sponsored by Acme) and hold certificates. Tess downloads hers from her page and the PDF
 * names her, the program and the branch; its verification URL opens a public page that says it is genuine with
 * no more than "Tess T."; a forged code's page says it is not genuine; the coordinator issues for the program
 * again (none more) and sees both certificates listed.
 */
describe('Certificates in the browser (Chromium, 360 px)', () => {
  let web: WebApp;
  let browser: Browser;
  let webBasicsId: string;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startDemoLibrary(), launchChromium()]);
    [{ id: webBasicsId }] = await web.app.get(DataSource).query(`SELECT id FROM program WHERE title = 'Web Basics'`);
  }, 120_000);

  afterEach(closeEveryone);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function open(language: Language, who?: DemoLogin): Promise<Page> {
    const context = await personIn(browser, web.baseURL, language === 'es' ? 'es-US' : 'en-US');
    if (who) await signInAs(context, web.baseURL, who);
    return context.newPage();
  }

  it.each(['en', 'es'] as const)('in %s: a teen downloads their certificate, and its URL shows it is genuine', (language) =>
    withEvidence(`certificate-${language}`, async () => {
      const t = reads(language);
      const page = await open(language, 'teen');
      await page.goto('/me');
      await page.getByRole('heading', { name: t('certificates.title'), level: 2 }).waitFor();
      const link = page.getByRole('link', { name: t('certificates.download', { title: 'Web Basics' }) });
      await link.waitFor();
      await checkPage(page, `${language}-certificates-01-me`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('certificate-web-basics.pdf');
      const pdf = await readPdf(readFileSync((await download.path())!));
      expect(pdf.text).toContain(language === 'es' ? 'Certificado de finalización' : 'Certificate of Completion');
      for (const fact of ['Tess Teen', 'Web Basics', 'Central Library', 'Acme Robotics', '/certificates/verify/']) expect(pdf.text).toContain(fact);
      expect(pdf.images).toHaveLength(1);

      // Anyone who scans the QR code: the public page, without signing in.
      const url = /https?:\/\/\S+\/certificates\/verify\/[A-Za-z0-9_-]{24}/.exec(pdf.text)![0];
      const stranger = await open(language);
      await stranger.goto(new URL(url).pathname);
      const genuine = stranger.getByRole('status').filter({ hasText: t('certificates.verify.genuine') });
      await genuine.waitFor();
      await genuine.getByText(t('certificates.verify.genuineBody', { name: 'Tess T.', program: 'Web Basics' })).waitFor();
      expect(await stranger.getByText(/Teen\b/).count()).toBe(0);
      await checkPage(stranger, `${language}-certificates-02-genuine`);

      await stranger.goto(`/certificates/verify/${randomBytes(18).toString('base64url')}`);
      await stranger.getByRole('alert').filter({ hasText: t('certificates.verify.notGenuine') }).waitFor();
      await checkPage(stranger, `${language}-certificates-03-not-genuine`);
    }),
  120_000);

  it('the coordinator issues for the ended program again (none more) and sees both certificates', () =>
    withEvidence('certificate-coordinator', async () => {
      const t = reads('en');
      const page = await open('en', 'coordinator');
      await page.goto(`/coordinator/programs/${webBasicsId}`);
      const section = page.getByRole('region', { name: t('coordinator.certificates.title') }).first();
      await page.getByRole('heading', { name: t('coordinator.certificates.title'), level: 2 }).waitFor();
      await page.getByRole('button', { name: t('coordinator.certificates.issue') }).click();
      await page.getByRole('status').getByText(t('coordinator.certificates.issued', { count: 0 })).waitFor();
      await page.getByRole('status').getByText(t('coordinator.certificates.already', { count: 2, notCompleted: 1 })).waitFor();
      await section.getByRole('cell', { name: 'Tess Teen', exact: true }).waitFor();
      await section.getByRole('cell', { name: 'Alex Adult', exact: true }).waitFor();
      await page.getByRole('button', { name: t('coordinator.certificates.revoke', { name: 'Alex Adult' }) }).waitFor();
      await checkPage(page, 'en-certificates-04-coordinator');
      // The API agrees with the page.
      expect(await request(web.app.getHttpServer()).get(`/v1/certificates/verify/not-a-code`).then((r) => r.status)).toBe(404);
    }),
  120_000);
});
