import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { PASSWORD } from '../support/identity';
import { birthDateForAge } from '../support/people-factories';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { checkInCode, enrollmentOf, oneSeatClub } from './support/club';
import { startWebApp, type WebApp } from './support/web-app';
import { type Language, reads } from './support/words';

/** The consent mail's subject in the guardian's language (SERVER's templates). */
const CONSENT_SUBJECT: Record<Language, string> = {
  en: 'Please confirm Ada may join the coding club',
  es: 'Confirme, por favor, que Ada puede unirse al club de programación',
};

/**
 * The teen's journey of issue 19 in a real browser, against the real API and PostgreSQL, on a 360 px phone: a minor
 * signs up (the guardian's fields appear only for a minor), the guardian grants from the link in the real mail, the
 * minor takes the one seat, a second teen is waitlisted at place 1 and promoted when the first withdraws (confirming
 * it), then checks in with the code a coordinator generated and applies to an internship. Once in English, once
 * in Spanish (the minor picks Spanish with the language switch; the others' browsers ask for it).
 */
describe('The teen journey in the browser (Chromium, 360 px)', () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchChromium()]);
  }, 120_000);

  afterEach(closeEveryone);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function person(locale: 'en-US' | 'es-US'): Promise<Page> {
    return (await personIn(browser, web.baseURL, locale)).newPage();
  }

  /** Signs a teen up through the form, the guardian's fields shown only for a minor (and `check`ed); answers the e-mail used. */
  async function signUp(
    page: Page,
    language: Language,
    teen: { firstName: string; age: number; guardianEmail?: string },
    check?: (page: Page, name: string) => Promise<void>,
  ): Promise<string> {
    const t = reads(language);
    const email = `${teen.firstName.toLowerCase()}-${randomUUID().slice(0, 8)}@test.codeshelf.invalid`;
    await page.getByRole('link', { name: t('program.signUpToEnroll') }).click();
    await page.getByRole('heading', { name: t('signUp.title'), level: 1 }).waitFor();
    await page.getByLabel(t('signUp.firstName')).fill(teen.firstName);
    await page.getByLabel(t('signUp.lastName')).fill(`Tester-${randomUUID().slice(0, 4)}`);
    await page.getByLabel(t('signUp.email')).fill(email);
    await page.getByLabel(t('signUp.password')).fill(PASSWORD);
    expect(await page.getByLabel(t('signUp.guardianName')).count()).toBe(0);
    await page.getByLabel(t('signUp.birthDate')).fill(birthDateForAge(teen.age));
    if (teen.guardianEmail) {
      await page.getByLabel(t('signUp.guardianName')).fill('Maria Guardian');
      await page.getByLabel(t('signUp.guardianEmail')).fill(teen.guardianEmail);
      await page.getByLabel(t('signUp.guardianLanguage')).selectOption(language);
    } else {
      await page.getByLabel(t('signUp.birthDate')).blur();
      expect(await page.getByLabel(t('signUp.guardianName')).count()).toBe(0);
    }
    if (check) await check(page, teen.guardianEmail ? 'sign-up-minor' : 'sign-up-adult');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/auth/signup' && r.request().method() === 'POST'),
      page.getByRole('button', { name: t('signUp.submit') }).click(),
    ]);
    // The API's answer named in a failure: what the page shows (or fails to show) of it is checked next.
    expect({ signUp: answer.status(), body: answer.ok() ? undefined : await answer.json() }).toEqual({ signUp: 201, body: undefined });
    await page.getByRole('heading', { name: t('me.title', { name: teen.firstName }), level: 1 }).waitFor();
    return email;
  }

  it.each(['en', 'es'] as const)('in %s: sign up, consent, a seat and the waitlist, check in, apply', (language) => withEvidence(language, async () => {
    const t = reads(language);
    let shots = 0;
    const check = (page: Page, name: string) => checkPage(page, `${language}-${String(++shots).padStart(2, '0')}-${name}`);
    const club = await oneSeatClub(web.app, language === 'en' ? 'Robotics' : 'Robótica');
    const guardianEmail = `guardian-${randomUUID().slice(0, 8)}@test.codeshelf.invalid`;
    const locale = language === 'es' ? 'es-US' : 'en-US';

    /** The club's page, reached from the catalogue filtered to its branch (earlier test files leave other clubs about). */
    async function openClub(page: Page) {
      await page.goto(`/?branch=${club.branchId}`);
      await page.getByRole('heading', { name: t('catalogue.title'), level: 1 }).waitFor();
      await page.getByRole('link', { name: club.title }).click();
      await page.getByRole('heading', { name: club.title, level: 1 }).waitFor();
    }

    /** The guardian opens the link of the mail that came, written in the language chosen for them, and grants. */
    async function guardianGrants(address: string, teen: string, look: boolean) {
      const [mail] = await web.mailsTo(address);
      expect(mail.subject).toBe(CONSENT_SUBJECT[language].replace('Ada', teen));
      const link = /https?:\/\/[^\s"<>]+\/consent\/[\w-]+/.exec(mail.text ?? '')?.[0];
      expect(link && new URL(link).origin).toBe(web.baseURL);
      const guardian = await person(locale);
      await guardian.goto(link!);
      await guardian.getByRole('heading', { name: t('consent.title', { teen }), level: 1 }).waitFor();
      await guardian.getByText(t('consent.sponsors', { teen })).waitFor();
      if (look) await check(guardian, 'consent');
      await guardian.getByLabel(t('consent.yourName')).fill('Maria Guardian');
      await guardian.getByRole('button', { name: t('consent.grant') }).click();
      await guardian.getByRole('heading', { name: t('consent.done.granted'), level: 1 }).waitFor();
      if (!look) return;
      await check(guardian, 'consent-granted');
      await guardian.goto(link!);
      await guardian.getByRole('heading', { name: t('consent.gone.title'), level: 1 }).waitFor();
      await check(guardian, 'consent-link-used');
    }

    // The minor: her browser asks for English; in the Spanish run she switches, and the choice is remembered.
    const minor = await person('en-US');
    await minor.goto('/');
    if (language === 'es') {
      await minor.getByLabel(reads('en')('nav.language')).selectOption('es');
      await minor.reload();
    }
    await openClub(minor);
    await minor.getByRole('link', { name: t('program.addToCalendar') }).waitFor();
    await check(minor, 'program');
    await minor.goto(`/?branch=${club.branchId}`);
    await minor.getByRole('link', { name: club.title }).waitFor();
    await check(minor, 'catalogue');
    await minor.getByRole('link', { name: club.title }).click();
    const minorEmail = await signUp(minor, language, { firstName: 'Ada', age: 15, guardianEmail }, check);
    await minor.getByRole('heading', { name: t('me.consent.title') }).waitFor();
    await check(minor, 'home-consent-pending');

    await guardianGrants(guardianEmail, 'Ada', true);

    // The minor takes the one seat.
    await openClub(minor);
    await minor.getByRole('button', { name: t('program.enroll') }).click();
    await minor.getByRole('status').getByText(t('program.enrolled')).waitFor();
    await check(minor, 'program-enrolled');
    expect(await enrollmentOf(web.app, club, minorEmail)).toMatchObject({ status: 'enrolled' });

    // A second teen, her browser asking for the run's language, signs up, gets her guardian's consent too, finds
    // the club full and is waitlisted at place 1.
    const second = await person(locale);
    await second.goto(`/programs/${club.programId}`);
    await second.getByRole('heading', { name: club.title, level: 1 }).waitFor();
    const secondGuardian = `guardian-${randomUUID().slice(0, 8)}@test.codeshelf.invalid`;
    const secondEmail = await signUp(second, language, { firstName: 'Grace', age: 14, guardianEmail: secondGuardian });
    await guardianGrants(secondGuardian, 'Grace', false);
    await openClub(second);
    await second.getByRole('button', { name: t('program.enroll') }).click();
    await second.getByRole('status').getByText(t('program.waitlisted', { place: 1 })).waitFor();
    expect(await enrollmentOf(web.app, club, secondEmail)).toMatchObject({ status: 'waitlisted', waitlist_position: 1 });
    await second.goto('/me');
    await second.getByText(t('me.waitlistPlace', { place: 1 })).waitFor();
    await check(second, 'home-waitlisted');

    // The minor leaves, confirming it; the waitlisted teen is promoted.
    await minor.goto('/me');
    await minor.getByRole('button', { name: t('me.withdraw', { title: club.title }) }).click();
    const confirmation = minor.getByRole('group', { name: t('me.withdrawConfirm', { title: club.title }) });
    await confirmation.waitFor();
    await check(minor, 'withdraw-confirm');
    await confirmation.getByRole('button', { name: t('me.withdrawYes') }).click();
    await minor.getByRole('button', { name: t('me.withdraw', { title: club.title }) }).waitFor({ state: 'detached' });
    await minor.getByText(t('me.noEnrollments')).waitFor();
    expect(await enrollmentOf(web.app, club, minorEmail)).toMatchObject({ status: 'withdrawn' });
    expect(await enrollmentOf(web.app, club, secondEmail)).toMatchObject({ status: 'enrolled', waitlist_position: null });
    await second.reload();
    await second.getByText(t('me.enrolled')).waitFor();
    await check(second, 'home-promoted');

    // She checks in with the code the coordinator generated through the API.
    const code = await checkInCode(web.app, club);
    await second.getByRole('link', { name: t('nav.checkIn') }).click();
    await second.getByRole('heading', { name: t('checkIn.title'), level: 1 }).waitFor();
    await second.getByText(club.title).first().waitFor();
    await second.getByLabel(t('checkIn.code')).fill(code);
    await check(second, 'check-in');
    await second.getByRole('button', { name: t('checkIn.submit') }).click();
    await second.getByText(t('checkIn.answer.checkedIn')).waitFor();
    await check(second, 'checked-in');

    // And applies to the internship, sharing her profile.
    await second.getByRole('link', { name: t('nav.internships') }).click();
    await second.getByRole('heading', { name: t('internships.title'), level: 1 }).waitFor();
    await second.getByText(club.internship.title).first().waitFor();
    await check(second, 'internships');
    await second.getByRole('button', { name: t('internships.apply', { title: club.internship.title }) }).click();
    await second.getByLabel(t('internships.statement')).fill('I like building robots and want to learn how a real team ships software.');
    await second.getByLabel(t('internships.share')).check();
    await check(second, 'internship-apply');
    await second.getByRole('button', { name: t('internships.send') }).click();
    await second.getByText(t('internships.applied')).first().waitFor();
    await check(second, 'internship-applied');
  }), 240_000);

  it.each(['en', 'es'] as const)('in %s: an adult teen signs up with no guardian’s fields and lands on her home, no consent pending, then signs out everywhere', (language) =>
    withEvidence(`adult-${language}`, async () => {
      const t = reads(language);
      const { programId } = await oneSeatClub(web.app, language === 'en' ? 'Coding' : 'Programación');
      const page = await person(language === 'es' ? 'es-US' : 'en-US');
      await page.goto(`/programs/${programId}`);
      await signUp(page, language, { firstName: 'Linus', age: 18 }, (p, name) => checkPage(p, `${language}-20-${name}`));
      await page.getByRole('heading', { name: t('me.enrollments') }).waitFor();
      expect(await page.getByRole('heading', { name: t('me.consent.title') }).count()).toBe(0);
      await checkPage(page, `${language}-21-home-adult`);
      // Signing out everywhere lands on the sign-in page, and the home page asks to sign in again.
      await page.getByRole('button', { name: t('me.everywhere.button') }).click();
      await page.getByRole('status').filter({ hasText: t('signIn.signedOutEverywhere') }).waitFor();
      await page.goto('/me');
      await page.getByRole('heading', { name: t('auth.required.title'), level: 1 }).waitFor();
    }),
  120_000);
});
