import { EnrollmentsService } from '@codeshelf/enrollment';
import { actorOf, type Principal, UsersService } from '@codeshelf/identity';
import { ParticipantsService } from '@codeshelf/people';
import { ProgramsService } from '@codeshelf/scheduling';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { email } from '../../scripts/demo-library';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { type DemoLogin, signInAs, startDemoLibrary } from './support/demo';
import type { WebApp } from './support/web-app';
import { type Language, reads } from './support/words';

/**
 * Waitlist offers of issue 22 against the seeded demo library: Robotics Club (Central Library) offers a freed seat
 * for 48 hours, and its one seat is offered to Tess with Alex in line behind her. The coordinator sees the offer and
 * its deadline on the roster; Tess accepts it on her page. In Spanish, Tess declines an offer of a club of the test's
 * own (the demo's is taken by then) through the confirmation, and the seat is offered to Alex.
 */
describe('Waitlist offers in the browser (Chromium, 360 px)', () => {
  let web: WebApp;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startDemoLibrary(), launchChromium()]);
    db = web.app.get(DataSource);
  }, 120_000);

  afterEach(closeEveryone);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function open(language: Language, who: DemoLogin): Promise<Page> {
    const context = await personIn(browser, web.baseURL, language === 'es' ? 'es-US' : 'en-US');
    await signInAs(context, web.baseURL, who);
    return context.newPage();
  }

  const statusOf = async (title: string, login: DemoLogin) =>
    (
      await db.query(
        `SELECT e.status FROM enrollment e JOIN program p ON p.id = e.program_id JOIN participant pt ON pt.id = e.participant_id JOIN user_account u ON u.id = pt.user_id
          WHERE p.title = $1 AND u.email = $2 ORDER BY e.created_at DESC LIMIT 1`,
        [title, email(login)],
      )
    )[0]?.status;

  it('the coordinator sees the seat offered to Tess, with its deadline, on the roster', () =>
    withEvidence('offers-roster', async () => {
      const t = reads('en');
      const [{ id }] = await db.query(`SELECT id FROM program WHERE title = 'Robotics Club'`);
      const page = await open('en', 'coordinator');
      await page.goto(`/coordinator/programs/${id}/roster`);
      const offers = page.getByRole('region', { name: t('coordinator.roster.offered', { count: 1 }) });
      await offers.getByRole('rowheader', { name: 'Tess Teen' }).waitFor();
      await offers.getByRole('columnheader', { name: t('coordinator.roster.answerBy') }).waitFor();
      await page.getByRole('region', { name: t('coordinator.roster.waitlist', { count: 1 }) }).getByRole('rowheader', { name: 'Alex Adult' }).waitFor();
      await checkPage(page, 'en-offers-01-roster');
    }),
  120_000);

  it('in en: Tess accepts the seat offered to her', () =>
    withEvidence('offers-accept-en', async () => {
      const t = reads('en');
      const page = await open('en', 'teen');
      await page.goto('/me');
      const offer = page.getByRole('region', { name: t('me.offer.label', { title: 'Robotics Club' }) });
      await offer.getByText(t('me.offer.until')).waitFor();
      // The deadline in the branch's zone (Central Library is in Chicago).
      await offer.getByText(/C[SD]T/).waitFor();
      await checkPage(page, 'en-offers-02-offered');
      await offer.getByRole('button', { name: t('me.offer.accept', { title: 'Robotics Club' }) }).click();
      const club = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Robotics Club' }) });
      await club.getByText(t('me.enrolled')).waitFor();
      await checkPage(page, 'en-offers-03-accepted');
      expect(await statusOf('Robotics Club', 'teen')).toBe('enrolled');
    }),
  120_000);

  it('in es: Tess declines an offered seat, asked first, and it is offered to the next in line', () =>
    withEvidence('offers-decline-es', async () => {
      const t = reads('es');
      const title = await offerToTess();
      const page = await open('es', 'teen');
      await page.goto('/me');
      const offer = page.getByRole('region', { name: t('me.offer.label', { title }) });
      await offer.getByText(t('me.offer.until')).waitFor();
      await checkPage(page, 'es-offers-04-offered');
      await offer.getByRole('button', { name: t('me.offer.decline') }).click();
      const confirm = page.getByRole('group', { name: t('me.offer.declineConfirm', { title }) });
      await checkPage(page, 'es-offers-05-confirm');
      await confirm.getByRole('button', { name: t('me.offer.declineYes') }).click();
      await offer.waitFor({ state: 'detached' });
      expect(await statusOf(title, 'teen')).toBe('withdrawn');
      expect(await statusOf(title, 'adult-teen')).toBe('offered');
    }),
  120_000);

  /** A club of this test's own in offer mode whose one seat is offered to Tess, Alex behind her; answers its title. */
  async function offerToTess(): Promise<string> {
    const admin = (await web.app.get(UsersService).findByEmail(email('admin')))!;
    const principal: Principal = { kind: 'user', id: admin.id, role: 'admin', displayName: admin.displayName, branchIds: [], sponsorId: null };
    const actor = actorOf(principal);
    const [{ id: branchId }] = await db.query(`SELECT id FROM branch WHERE name = 'Central Library'`);
    const programs = web.app.get(ProgramsService);
    const year = new Date().getUTCFullYear() + 1;
    const title = 'Club de Drones';
    const fields = { branchId, title, level: 'beginner', minAge: 13, maxAge: 21, capacity: 1, startsOn: `${year}-04-03`, endsOn: `${year}-05-29`, waitlistMode: 'offer', offerHours: 24 } as const;
    const club = await programs.step(principal, (await programs.create(principal, fields, actor)).id, 'publish', actor);
    const participants = web.app.get(ParticipantsService);
    const teenOf = async (login: DemoLogin) => (await participants.findByUser((await web.app.get(UsersService).findByEmail(email(login)))!.id))!.id;
    const [riley] = (await participants.list(principal, { limit: 5, q: 'Riley Reed' }, actor)).items;
    const enrollments = web.app.get(EnrollmentsService);
    const seat = await enrollments.enroll(principal, club.id, { participantId: riley.id }, actor);
    for (const login of ['teen', 'adult-teen'] as const) await enrollments.enroll(principal, club.id, { participantId: await teenOf(login) }, actor);
    await enrollments.withdraw(principal, seat.id, actor);
    return title;
  }
});
