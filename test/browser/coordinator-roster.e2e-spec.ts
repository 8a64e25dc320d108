import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UsersService } from '@codeshelf/identity';
import { email, PASSWORD as DEMO_PASSWORD } from '../../scripts/demo-library';
import { bearer, login, PASSWORD } from '../support/identity';
import { checkPage, closeEveryone, launchChromium, personIn, withEvidence } from './support/browser';
import { startDemoLibrary, signInAs } from './support/demo';
import { centralTeens, opsClub, selfEnroll } from './support/ops';
import type { WebApp } from './support/web-app';
import { reads } from './support/words';

const MINUTE = 60_000;

/**
 * The coordinator's week at the desk on a 360 px phone, against the seeded demo library: enroll a teen at the desk,
 * move a waitlisted teen to the front with the reason, withdraw one (confirmed), download the roster as CSV and
 * read it with a CSV parser; the check-in code screen's six digits and its count going up when a teen checks in;
 * the session's roll call, the program's attendance sheet and summary (the demo's flagged teen), and the mentors
 * with a clearance recorded (its error in words next to the field).
 */
describe('The coordinator’s roster, check-in screen, attendance and mentors in the browser (Chromium, 360 px)', () => {
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

  const t = reads('en');
  let shots = 0;
  const check = (page: Page, name: string) => checkPage(page, `en-coordinator-${String(++shots).padStart(2, '0')}-${name}`);

  async function coordinatorPage(): Promise<Page> {
    const context = await personIn(browser, web.baseURL, 'en-US');
    await signInAs(context, web.baseURL, 'coordinator');
    return context.newPage();
  }

  it('the roster: enroll at the desk, override the waitlist with a reason, withdraw, CSV; the check-in screen counts a check-in', () =>
    withEvidence('coordinator-roster', async () => {
      const http = web.app.getHttpServer();
      const club = await opsClub(web.app, 'Desk club', { capacity: 2, sessionAt: { startsAt: new Date(Date.now() + 10 * MINUTE), minutes: 90 } });
      const [ana, ben, cai, dee] = await centralTeens(web.app, ['Ana', 'Ben', 'Cai', 'Dee']);
      const full = (teen: { firstName: string; lastName: string }) => `${teen.firstName} ${teen.lastName}`;
      await selfEnroll(web.app, club.programId, ana);

      const page = await coordinatorPage();
      await page.goto(`/coordinator/programs/${club.programId}/roster`);
      await page.getByRole('heading', { name: t('coordinator.roster.title', { program: club.title }), level: 1 }).waitFor();
      await check(page, 'roster');

      // At the desk: Dee, found by name, takes the second seat.
      await page.getByLabel(t('coordinator.roster.desk.search')).fill(dee.lastName);
      await page.getByRole('button', { name: t('coordinator.roster.desk.find') }).click();
      await page.getByRole('button', { name: t('coordinator.roster.desk.enroll', { name: full(dee) }) }).click();
      await page.getByRole('status').filter({ hasText: t('coordinator.roster.desk.enrolled', { name: 'Dee' }) }).waitFor();
      const enrolled = (count: number) => page.getByRole('region', { name: t('coordinator.roster.enrolled', { count }) });
      await enrolled(2).getByRole('rowheader', { name: full(dee) }).waitFor();
      await check(page, 'roster-desk-enrolled');

      // Ben then Cai find it full: places 1 and 2. Cai goes to the front, with the reason.
      expect((await selfEnroll(web.app, club.programId, ben)).waitlistPosition).toBe(1);
      expect((await selfEnroll(web.app, club.programId, cai)).waitlistPosition).toBe(2);
      await page.reload();
      const waitlist = () => page.getByRole('region', { name: t('coordinator.roster.waitlist', { count: 2 }) });
      await waitlist().getByRole('rowheader', { name: full(cai) }).waitFor();
      await waitlist().getByRole('button', { name: t('coordinator.roster.override.open', { name: full(cai) }) }).click();
      await page.getByRole('button', { name: t('coordinator.roster.override.confirm', {}, { exact: true }) }).click();
      await page.getByText(t('coordinator.roster.override.reasonRequired')).waitFor();
      expect(await page.getByLabel(t('coordinator.roster.override.reason')).getAttribute('aria-invalid')).toBe('true');
      await check(page, 'roster-override-reason');
      await page.getByLabel(t('coordinator.roster.override.reason')).fill('Her brother is in the club');
      await page.getByRole('button', { name: t('coordinator.roster.override.confirm', {}, { exact: true }) }).click();
      await waitlist().getByRole('row').nth(1).filter({ hasText: full(cai) }).waitFor();
      expect(await waitlist().getByRole('row').nth(2).innerText()).toContain(full(ben));
      const [audit] = await web.app.get(DataSource).query(
        `SELECT changes FROM audit_event WHERE action = 'enrollment.prioritized' AND entity_id = (SELECT id FROM enrollment WHERE participant_id = $1 AND program_id = $2)`,
        [cai.participantId, club.programId],
      );
      expect(audit.changes).toEqual({ waitlistPosition: { from: 2, to: 1 }, reason: 'Her brother is in the club' });

      // Ana withdraws at the desk, confirmed: her seat goes to Cai, first in line.
      await enrolled(2).getByRole('button', { name: t('coordinator.roster.withdraw.open', { name: full(ana) }) }).click();
      await page.getByRole('group', { name: t('coordinator.roster.withdraw.confirmSeat', { name: full(ana) }) }).waitFor();
      await check(page, 'roster-withdraw-confirm');
      await page.getByRole('button', { name: t('coordinator.roster.withdraw.yes') }).click();
      await enrolled(2).getByRole('rowheader', { name: full(cai) }).waitFor();
      await page.getByRole('region', { name: t('coordinator.roster.waitlist', { count: 1 }) }).getByRole('rowheader', { name: full(ben) }).waitFor();
      await check(page, 'roster-after-withdrawal');

      // The CSV, read by a CSV parser: seats, the line in order, then who left.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('coordinator.roster.csv') }).click()]);
      expect(download.suggestedFilename()).toBe(`codeshelf-roster-${club.programId}.csv`);
      const rows: Record<string, string>[] = parse(readFileSync((await download.path())!, 'utf8'), { columns: true });
      expect(rows.map((r) => [r.status, r.waitlistPosition, `${r.firstName} ${r.lastName}`])).toEqual([
        ['enrolled', '', full(dee)],
        ['enrolled', '', full(cai)],
        ['waitlisted', '1', full(ben)],
        ['withdrawn', '', full(ana)],
      ]);
      expect(rows[0]).toMatchObject({ source: 'coordinator', consentStatus: 'granted', guardianEmail: expect.stringContaining('@') });

      // The check-in screen: six digits, and the count goes up when Cai checks in with them.
      await page.goto(`/coordinator/sessions/${club.sessionId}/check-in-code`);
      const code = page.getByText(/^\d{6}$/);
      await code.waitFor();
      await page.getByRole('status').filter({ hasText: t('coordinator.checkInCode.count', { count: 0, total: 2 }) }).waitFor();
      await check(page, 'check-in-code');
      const digits = (await code.innerText()).trim();
      await request(http).post(`/v1/sessions/${club.sessionId}/check-ins`).set(bearer(cai)).send({ code: digits }).expect(201);
      await page.getByRole('status').filter({ hasText: t('coordinator.checkInCode.count', { count: 1, total: 2 }) }).waitFor();

      // The session's roll call shows the check-in; the program's sheet has a column for the session.
      await page.goto(`/coordinator/sessions/${club.sessionId}/attendance`);
      await page.getByRole('heading', { name: t('coordinator.attendance.sessionTitle', { program: club.title }), level: 1 }).waitFor();
      expect(await page.getByRole('button', { name: new RegExp(`^Cai O`) }).innerText()).toMatch(t('mentor.status.present'));
      await check(page, 'session-roll-call');
    }),
  );

  it('the demo club’s attendance sheet and summary name the flagged teen; the mentors page records a clearance', () =>
    withEvidence('coordinator-attendance', async () => {
      const http = web.app.getHttpServer();
      const cora = { token: await login(web.app, email('coordinator'), DEMO_PASSWORD) };
      const [scratch] = (await request(http).get('/v1/programs').query({ q: 'Scratch to JavaScript', limit: 1 }).set(bearer(cora)).expect(200)).body.items;
      const page = await coordinatorPage();
      await page.goto(`/coordinator/programs/${scratch.id}/attendance`);
      await page.getByRole('heading', { name: t('coordinator.attendance.title', { program: 'Scratch to JavaScript' }), level: 1 }).waitFor();
      await page.getByRole('heading', { name: t('coordinator.attendance.flagged', { count: 1 }) }).waitFor();
      await page.getByText('Riley Reed').first().waitFor();
      const sheet = page.getByRole('region', { name: t('coordinator.attendance.sheet') });
      await sheet.getByRole('rowheader', { name: /Riley Reed/ }).waitFor();
      await check(page, 'attendance-sheet');

      // A mentor of this test's own, so the demo's Max keeps his clearance.
      const name = `Mo Mentor ${randomUUID().slice(0, 4)}`;
      const user = await web.app.get(UsersService).create({ email: `mo-${randomUUID().slice(0, 8)}@test.codeshelf.invalid`, password: PASSWORD, role: 'mentor', displayName: name }, { id: null, kind: 'system' });
      await request(http).post('/v1/mentors').set(bearer(cora)).send({ userId: user.id }).expect(201);
      await page.goto('/coordinator/mentors');
      await page.getByRole('heading', { name: t('coordinator.mentors.title'), level: 1 }).waitFor();
      const max = page.getByRole('article', { name: 'Max Mentor' });
      await max.getByText(t('coordinator.mentors.clearedUntil')).waitFor();
      await max.getByRole('link', { name: /Scratch to JavaScript|Intro to Python/ }).first().waitFor();
      const mo = page.getByRole('article', { name });
      await mo.getByText(t('coordinator.mentors.noClearance', {}, { exact: true })).waitFor();
      await check(page, 'mentors');
      await mo.getByRole('button', { name: t('coordinator.mentors.record', { name }) }).click();
      const year = new Date().getUTCFullYear();
      await mo.getByLabel(t('coordinator.mentors.validFrom')).fill(`${year}-01-01`);
      await mo.getByLabel(t('coordinator.mentors.expiresOn')).fill(`${year - 1}-12-31`);
      await mo.getByRole('button', { name: t('coordinator.mentors.save') }).click();
      // The API's refusal, worded by its code, next to the field it names; what was typed stays.
      await mo.getByText(t('fieldErrors.dateOrder')).waitFor();
      expect(await mo.getByLabel(t('coordinator.mentors.expiresOn')).getAttribute('aria-invalid')).toBe('true');
      expect(await mo.getByLabel(t('coordinator.mentors.validFrom')).inputValue()).toBe(`${year}-01-01`);
      await check(page, 'mentors-clearance-error');
      await mo.getByLabel(t('coordinator.mentors.expiresOn')).fill(`${year + 2}-12-31`);
      await mo.getByRole('button', { name: t('coordinator.mentors.save') }).click();
      await mo.getByText(t('coordinator.mentors.clearedUntil')).waitFor();
    }),
  );
});
