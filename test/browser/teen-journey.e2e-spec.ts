import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { PASSWORD } from '../support/identity';
import { birthDateForAge } from '../support/people-factories';
import { checkPage, launchChromium, personIn } from './support/browser';
import { checkInCode, type Club, enrollmentOf, oneSeatClub } from './support/club';
import { startWebApp, type WebApp } from './support/web-app';
import { type Words, WORDS } from './support/words';

/**
 * The teen's journey of issue 19 in a real browser, against the real API and PostgreSQL, on a 360 px phone: a minor
 * signs up (the guardian's fields appear only for a minor), the guardian grants from the link in the real mail, the
 * minor takes the one seat, an adult teen is waitlisted at place 1 and promoted when the first withdraws, then
 * checks in with the coordinator's code and applies to an internship. Once in English, once in Spanish.
 */
describe('The teen journey in the browser (Chromium, 360 px)', () => {
  let web: WebApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function open(language: keyof typeof WORDS, locale: 'en-US' | 'es-US' = language === 'es' ? 'es-US' : 'en-US'): Promise<Page> {
    const context = await personIn(browser, web.baseURL, locale);
    contexts.push(context);
    return context.newPage();
  }

  const shot = (language: string) => {
    let n = 0;
    return (page: Page, name: string) => checkPage(page, `${language}-${String(++n).padStart(2, '0')}-${name}`);
  };

  /** Signs a teen up through the form; answers the e-mail used. Checks the guardian's fields appear only for a minor. */
  async function signUp(page: Page, w: Words, teen: { firstName: string; age: number; guardianEmail?: string }, check: (page: Page, name: string) => Promise<void>) {
    const email = `${teen.firstName.toLowerCase()}-${randomUUID().slice(0, 8)}@test.codeshelf.invalid`;
    await page.getByRole('link', { name: w.signUp }).first().click();
    await page.getByRole('heading', { name: w.signUpHeading }).waitFor();
    await page.getByLabel(w.guardianName).waitFor({ state: 'hidden' });
    await page.getByLabel(w.firstName).fill(teen.firstName);
    await page.getByLabel(w.lastName).fill(`Tester-${randomUUID().slice(0, 4)}`);
    await page.getByLabel(w.email, { exact: true }).fill(email);
    await page.getByLabel(w.password).fill(PASSWORD);
    await page.getByLabel(w.birthDate).fill(birthDateForAge(teen.age));
    if (teen.guardianEmail) {
      await page.getByLabel(w.guardianName).fill('Maria Guardian');
      await page.getByLabel(w.guardianEmail).fill(teen.guardianEmail);
      await page.getByLabel(w.guardianLanguage).selectOption(w.language);
    } else {
      expect(await page.getByLabel(w.guardianName).count()).toBe(0);
    }
    await check(page, teen.guardianEmail ? 'sign-up-minor' : 'sign-up-adult');
    await page.getByRole('button', { name: w.signUpSubmit }).click();
    await page.getByRole('heading', { name: w.homeHeading }).waitFor();
    return email;
  }

  async function openProgram(page: Page, w: Words, club: Club) {
    await page.goto('/');
    await page.getByRole('link', { name: club.title }).click();
    await page.getByRole('heading', { name: club.title }).waitFor();
    await page.getByRole('button', { name: w.enroll }).waitFor();
  }

  it.each(['en', 'es'] as const)('in %s: sign up, consent, seat and waitlist, check in, apply', async (language) => {
    const w = WORDS[language];
    const check = shot(language);
    const club = await oneSeatClub(web.app, language === 'en' ? 'Robotics' : 'Robótica');
    const guardianEmail = `guardian-${randomUUID().slice(0, 8)}@test.codeshelf.invalid`;

    // The minor: in English her browser asks for English; in Spanish it asks for English too and she uses the switch.
    const minor = await open(language, 'en-US');
    await minor.goto('/');
    if (language === 'es') {
      await minor.getByRole('button', { name: /español/i }).or(minor.getByRole('link', { name: /español/i })).first().click();
      await minor.reload();
    }
    await minor.getByRole('heading', { name: w.catalogueHeading }).waitFor();
    await minor.getByRole('link', { name: club.title }).waitFor();
    await check(minor, 'catalogue');
    await minor.getByRole('link', { name: club.title }).click();
    await minor.getByRole('heading', { name: club.title }).waitFor();
    await minor.getByRole('link', { name: w.addToCalendar }).waitFor();
    await check(minor, 'program');
    const minorEmail = await signUp(minor, w, { firstName: 'Ada', age: 15, guardianEmail }, check);
    await minor.getByText(w.consentPending).first().waitFor();
    await check(minor, 'home-consent-pending');

    // The guardian opens the link of the mail that came, written in the language chosen for them.
    const [mail] = await web.mailsTo(guardianEmail);
    expect(mail.subject).toMatch(w.consentMailSubject);
    const link = /https?:\/\/[^\s"<>]+\/consent\/[\w-]+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    expect(new URL(link!).origin).toBe(web.baseURL);
    const guardian = await open(language);
    await guardian.goto(link!);
    await guardian.getByText(/Ada/).first().waitFor();
    await guardian.getByText(w.sponsorsSeeAggregates).first().waitFor();
    await check(guardian, 'consent');
    await guardian.getByRole('button', { name: w.grant }).click();
    await guardian.getByText(w.granted).first().waitFor();
    await check(guardian, 'consent-granted');

    // The minor takes the one seat.
    await openProgram(minor, w, club);
    await minor.getByRole('button', { name: w.enroll }).click();
    await minor.getByText(w.enrolled).first().waitFor();
    await check(minor, 'program-enrolled');
    expect(await enrollmentOf(web.app, club, minorEmail)).toMatchObject({ status: 'enrolled' });

    // An adult teen (no guardian's fields for her) finds the club full and is waitlisted at place 1.
    const adult = await open(language);
    await adult.goto(`/programs/${club.programId}`);
    await adult.getByRole('heading', { name: club.title }).waitFor();
    const adultEmail = await signUp(adult, w, { firstName: 'Grace', age: 18 }, check);
    await openProgram(adult, w, club);
    await adult.getByRole('button', { name: w.enroll }).click();
    await adult.getByText(w.waitlistPlace(1)).first().waitFor();
    expect(await enrollmentOf(web.app, club, adultEmail)).toMatchObject({ status: 'waitlisted', waitlist_position: 1 });
    await adult.goto('/me');
    await adult.getByText(w.waitlistPlace(1)).first().waitFor();
    await check(adult, 'home-waitlisted');

    // The minor withdraws, confirming it; the waitlisted teen is promoted.
    await minor.goto('/me');
    await minor.getByRole('button', { name: w.withdraw }).click();
    const confirm = minor.getByRole('dialog').or(minor.getByRole('alertdialog'));
    await confirm.waitFor();
    await check(minor, 'withdraw-confirm');
    await confirm.getByRole('button', { name: w.confirmWithdraw }).click();
    await confirm.waitFor({ state: 'hidden' });
    await minor.getByText(w.withdrawn).first().waitFor();
    expect(await enrollmentOf(web.app, club, minorEmail)).toMatchObject({ status: 'withdrawn' });
    expect(await enrollmentOf(web.app, club, adultEmail)).toMatchObject({ status: 'enrolled', waitlist_position: null });
    await adult.reload();
    await adult.getByText(w.enrolled).first().waitFor();
    await check(adult, 'home-promoted');

    // She checks in with the code the coordinator generated.
    const code = await checkInCode(web.app, club);
    await adult.goto('/check-in');
    await adult.getByText(club.title).first().waitFor();
    await adult.getByLabel(w.checkInCode).fill(code);
    await check(adult, 'check-in');
    await adult.getByRole('button', { name: w.checkInSubmit }).click();
    await adult.getByText(w.checkedIn).first().waitFor();
    await check(adult, 'checked-in');

    // And applies to the internship.
    await adult.goto('/internships');
    await adult.getByText(club.internship.title).first().waitFor();
    await check(adult, 'internships');
    await adult.getByRole('button', { name: w.apply }).or(adult.getByRole('link', { name: w.apply })).first().click();
    await adult.getByLabel(w.statement).fill('I like building robots and want to learn how a real team ships software.');
    await adult.getByLabel(w.shareProfile).check();
    await adult.getByRole('button', { name: w.applySubmit }).click();
    await adult.getByText(w.submitted).first().waitFor();
    await check(adult, 'internship-applied');
  }, 180_000);
});
