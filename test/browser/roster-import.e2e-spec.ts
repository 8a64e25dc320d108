import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { signInAs, startDemoLibrary } from './support/demo';
import { opsClub } from './support/ops';
import type { WebApp } from './support/web-app';
import { type Language, reads } from './support/words';

const YEAR = new Date().getUTCFullYear();
/** Where the Spanish phone screenshots go, for a person to look at. */
const PHONE_SHOTS = '/tmp';

/**
 * The coordinator at the desk with a partner school's roster, against the seeded demo library (Cora runs both of its
 * branches): adds the school (a wrong e-mail refused next to its field, a name the branch has refused next to the name),
 * edits its contact, uploads a roster with one bad row — refused row by row, nothing written — imports the good rows
 * into a club, and reads the counts, the consent mails (queued in the outbox) and each row's outcome. In English on a
 * 360 px phone and in Spanish on a 390 px one.
 */
describe('The coordinator’s partner schools and roster import in the browser (Chromium)', () => {
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

  it.each(['en', 'es'] as const)('in %s: a school added and edited, a roster with a bad row refused by row, its good rows imported', (language: Language) =>
    withEvidence(`roster-import-${language}`, async () => {
      const t = reads(language);
      let shots = 0;
      const check = (page: Page, name: string) => checkPage(page, `${language}-roster-import-${String(++shots).padStart(2, '0')}-${name}`);
      const tag = randomUUID().slice(0, 6);
      const school = `Lincoln Middle ${tag}`;
      const club = await opsClub(web.app, `Roster club ${language}`, { capacity: 5, sessionAt: { startsAt: new Date(Date.now() + 3 * 86_400_000), minutes: 60 } });
      const context = await personIn(browser, web.baseURL, language === 'es' ? 'es-US' : 'en-US');
      await signInAs(context, web.baseURL, 'coordinator');
      const page = await context.newPage();
      if (language === 'es') await page.setViewportSize({ width: 390, height: 844 });

      // The nav leads to the schools of the branch picked (Cora runs two).
      await page.goto('/coordinator');
      await page.getByRole('navigation').getByRole('link', { name: t('nav.staff.schools', {}, { exact: true }) }).click();
      await page.getByRole('heading', { name: t('coordinator.schools.title'), level: 1 }).waitFor();
      await page.getByLabel(t('coordinator.schools.branch')).selectOption({ label: 'Central Library' });

      // A new school: a wrong e-mail is refused next to its field, in words; then it is added.
      const form = page.getByRole('form', { name: t('coordinator.schools.new') });
      await form.getByLabel(t('coordinator.schools.name')).fill(school);
      await form.getByLabel(t('coordinator.schools.contactName')).fill('Dana Ortiz');
      await form.getByLabel(t('coordinator.schools.contactEmail')).fill('dana-at-lincoln');
      await form.getByRole('button', { name: t('coordinator.schools.add') }).click();
      await form.getByText(t('fieldErrors.isEmail')).waitFor();
      expect(await form.getByLabel(t('coordinator.schools.contactEmail')).getAttribute('aria-invalid')).toBe('true');
      await check(page, 'school-email-error');
      await form.getByLabel(t('coordinator.schools.contactEmail')).fill(`dortiz-${tag}@lincoln.example.org`);
      await form.getByRole('button', { name: t('coordinator.schools.add') }).click();
      await form.getByRole('status').filter({ hasText: t('coordinator.schools.added', { name: school }) }).waitFor();
      const list = page.getByRole('region', { name: t('coordinator.schools.caption') });
      await list.getByRole('rowheader', { name: school }).waitFor();

      // The same name again is refused next to the name.
      await form.getByLabel(t('coordinator.schools.name')).fill(school);
      await form.getByRole('button', { name: t('coordinator.schools.add') }).click();
      await form.getByText(t('coordinator.schools.nameTaken')).waitFor();
      expect(await form.getByLabel(t('coordinator.schools.name')).getAttribute('aria-invalid')).toBe('true');

      // Its contact gets a phone.
      await list.getByRole('button', { name: t('coordinator.schools.editName', { name: school }) }).click();
      const editor = page.getByRole('form', { name: t('coordinator.schools.editName', { name: school }) });
      await editor.getByLabel(t('coordinator.schools.contactPhone')).fill('+1 312 555 0199');
      await editor.getByRole('button', { name: t('coordinator.schools.save') }).click();
      await list.getByRole('link', { name: '+1 312 555 0199' }).waitFor();
      await check(page, 'schools');

      // The roster: two teens of 13 and one whose birth date is not a date.
      await page.getByRole('link', { name: t('coordinator.rosterImport.title') }).click();
      await page.getByRole('heading', { name: t('coordinator.rosterImport.title'), level: 1 }).waitFor();
      const last = `Roster${tag}`;
      const csv = [
        'first_name,last_name,birth_date,school,grade,guardian_name,guardian_email,language',
        `Ana,${last},${YEAR - 13}-03-04,,8,Rosa ${last},rosa-${tag}@example.org,es`,
        `Ben,${last},not-a-date,,8,Ola ${last},ola-${tag}@example.org,en`,
        `Cai,${last},${YEAR - 13}-09-21,,8,Kim ${last},kim-${tag}@example.org,en`,
      ].join('\n');
      await page.getByLabel(t('coordinator.rosterImport.school')).selectOption({ label: school });
      await page.getByLabel(t('coordinator.rosterImport.program')).selectOption({ label: club.title });
      await page.getByLabel(t('coordinator.rosterImport.file')).setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: t('coordinator.rosterImport.import', {}, { exact: true }) }).click();

      // Refused: row 3's birth date, in words, beside Ben's name; nothing written.
      await page.getByRole('heading', { name: t('coordinator.rosterImport.invalidTitle') }).waitFor();
      await page.getByText(t('coordinator.rosterImport.invalid', { rows: 3, badRows: 1 })).waitFor();
      const problems = page.getByRole('region', { name: t('coordinator.rosterImport.problemsCaption') });
      const badRow = problems.getByRole('row').filter({ hasText: 'birth_date' });
      expect(await badRow.innerText()).toMatch(t('fieldErrors.isBirthDate'));
      await problems.getByRole('rowheader', { name: new RegExp(`${t('coordinator.rosterImport.rowNumber', { row: 3 }).source}.*Ben ${last}`) }).waitFor();
      const db = web.app.get(DataSource);
      expect((await db.query(`SELECT count(*)::int AS n FROM participant WHERE last_name = $1`, [last]))[0].n).toBe(0);
      await check(page, 'roster-refused');
      if (language === 'es') await page.screenshot({ path: `${PHONE_SHOTS}/roster-es-390-problems.png`, fullPage: true });

      // The two good rows, imported: new teens, their guardians mailed, awaiting consent for the club.
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/roster-imports') && r.url().includes('importGoodRows=true')),
        page.getByRole('button', { name: t('coordinator.rosterImport.importGood', { count: 2 }) }).click(),
      ]);
      expect(answer.status()).toBe(201);
      await page.getByRole('heading', { name: t('coordinator.rosterImport.doneTitle') }).waitFor();
      await page.getByRole('status').filter({ hasText: t('coordinator.rosterImport.consentMails', { count: 2 }) }).waitFor();
      const counts = page.getByRole('list', { name: t('coordinator.rosterImport.countsLabel') });
      expect(await counts.innerText()).toMatch(new RegExp(`2\\s+${t('coordinator.rosterImport.counts.created').source}`));
      expect(await counts.innerText()).toMatch(new RegExp(`1\\s+${t('coordinator.rosterImport.counts.skipped').source}`));
      const enrollment = page.getByRole('list', { name: t('coordinator.rosterImport.enrollmentTitle') });
      expect(await enrollment.innerText()).toMatch(new RegExp(`2\\s+${t('coordinator.rosterImport.enrollment.awaitingConsent').source}`));
      const results = page.getByRole('region', { name: t('coordinator.rosterImport.resultsCaption') });
      expect(await results.getByRole('row').filter({ hasText: `Ana ${last}` }).innerText()).toMatch(t('coordinator.rosterImport.outcome.created'));
      expect(await results.getByRole('row').filter({ hasText: `Ben ${last}` }).innerText()).toMatch(t('coordinator.rosterImport.outcome.skipped'));
      await check(page, 'roster-imported');
      if (language === 'es') await page.screenshot({ path: `${PHONE_SHOTS}/roster-es-390.png`, fullPage: true });

      // The consent mails are in the outbox, one per new teen.
      const made = ((await answer.json()) as { results: { participantId: string | null }[] }).results.map((r) => r.participantId).filter(Boolean);
      expect(made).toHaveLength(2);
      const [mails] = await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE topic = 'guardian.consent_requested' AND payload->>'participantId' = ANY($1)`, [made]);
      expect(mails.n).toBe(2);
    }),
  );
});
