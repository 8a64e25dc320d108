import { type AttendanceStatus, RollCallService } from '@codeshelf/attendance';
import { EnrollmentsService } from '@codeshelf/enrollment';
import { actorOf } from '@codeshelf/identity';
import { SponsorshipsService } from '@codeshelf/partners';
import type { TestingModule } from '@nestjs/testing';
import { ReportsService } from '../../libs/reporting/src/reports.service';
import { backdateEnrollments, enrollInTurnViaServices, insertTeens, publishedProgramViaServices } from '../support/enrollment-factories';
import { type Account, createAccount, createSponsor } from '../support/identity';
import { startMediumContext } from '../support/medium';
import { clearedMentor, scheduleSession } from '../support/scheduling-factories';

const DAY = 24 * 60;
const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY * 60_000).toISOString().slice(0, 10);
const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

describe(ReportsService.name, () => {
  let context: TestingModule;
  let reports: ReportsService;

  beforeAll(async () => {
    context = await startMediumContext();
    reports = context.get(ReportsService);
  });

  afterAll(async () => {
    await context.close();
  });

  /**
   * A running program the sponsor funds, its teens seated 30 days ago, two held sessions of 90 minutes:
   * the first `came` teens present at both, the others absent at both; a mentor employed by the sponsor
   * present at both (3 hours). REPORT_MIN_CELL is 10.
   */
  async function sponsoredTerm(seated: number, came: number) {
    const startsOn = isoDate(-40);
    const endsOn = isoDate(60);
    const { program, coordinator } = await publishedProgramViaServices(context, { startsOn, endsOn, minAge: 10, maxAge: 19, capacity: seated });
    const sponsor = await createAccount(context, 'sponsor');
    const sponsorId = sponsor.principal.sponsorId!;
    await context.get(SponsorshipsService).create(coordinator.principal, sponsorId, { programId: program.id, startsOn, endsOn }, actorOf(coordinator.principal));
    const teens = await insertTeens(context, seated);
    const enrollments = await enrollInTurnViaServices(context, program.id, teens);
    await backdateEnrollments(context, program.id, teens, 30);
    const sessions = [await scheduleSession(context, coordinator, program.id, -20 * DAY), await scheduleSession(context, coordinator, program.id, -10 * DAY)];
    const mentor = await clearedMentor(context, coordinator, sessions, sponsorId);
    const records = teens.map((t, i) => ({ participantId: t.participantId, status: (i < came ? 'present' : 'absent') as AttendanceStatus }));
    for (const sessionId of sessions) {
      await context.get(RollCallService).record(coordinator.principal, sessionId, { records, mentors: [{ mentorId: mentor.mentorId, status: 'present' }] }, actorOf(coordinator.principal));
    }
    return { program, coordinator, sponsor, sponsorId, enrollments, mentor };
  }

  const summaryOf = (coordinator: Account, programId: string) => reports.programSummary(coordinator.principal, programId, actorOf(coordinator.principal));
  const row = <R extends { group: string }>(rows: R[], group: string) => rows.find((r) => r.group === group);

  it('gives the program’s staff its outcomes whole: seats, teens who came, the average rate and the hours', async () => {
    const { program, coordinator } = await sponsoredTerm(12, 10);

    const summary = await summaryOf(coordinator, program.id);

    expect(summary.minCell).toBe(0);
    expect(summary.reach).toMatchObject({ programs: shown(1), sessionsHeld: shown(2), instructionHours: shown(3), teensEnrolled: shown(12), teensActive: shown(10) });
    // Ten teens at rate 1 and two at rate 0.
    expect(summary.retention.averageAttendanceRate.value).toBeCloseTo(10 / 12, 4);
    expect(summary.mentoring).toMatchObject({ mentors: shown(1), volunteerHours: shown(3) });
    expect(row(summary.breakdowns.attendance, 'never came')?.teens).toEqual(shown(2));
    expect(row(summary.breakdowns.attendance, 'threshold met')?.teens).toEqual(shown(10));
  });

  it('shows the sponsor the same outcomes with every cell of fewer than REPORT_MIN_CELL teens hidden', async () => {
    const { program, sponsor, sponsorId } = await sponsoredTerm(12, 10);

    const outcomes = await reports.outcomes(sponsor.principal, sponsorId, {});

    expect(outcomes).toMatchObject({ sponsorId, programIds: [program.id], minCell: 10 });
    expect(outcomes.reach.teensEnrolled).toEqual(shown(12));
    // The 2 who never came are a small cell, and 10 who came would reveal them by subtraction.
    expect(outcomes.reach.teensActive).toEqual(hidden);
    expect(row(outcomes.breakdowns.attendance, 'never came')?.teens).toEqual(hidden);
    expect(row(outcomes.breakdowns.attendance, 'threshold met')?.teens).toEqual(hidden);
    // The rate is over all 12 rated teens: shown.
    expect(outcomes.retention.averageAttendanceRate.value).toBeCloseTo(10 / 12, 4);
    expect(outcomes.mentoring).toMatchObject({ volunteerHours: shown(3), employeeVolunteerHours: shown(3) });
  });

  it('hides a whole program of fewer than REPORT_MIN_CELL teens from its sponsor, and its rate with it', async () => {
    const { program, coordinator, sponsor, sponsorId } = await sponsoredTerm(4, 3);

    const outcomes = await reports.outcomes(sponsor.principal, sponsorId, {});

    expect(outcomes.reach.teensEnrolled).toMatchObject({ value: null, suppressed: true });
    expect(outcomes.retention.averageAttendanceRate).toMatchObject({ value: null, suppressed: true });
    // Staff still see the program whole.
    const summary = await summaryOf(coordinator, program.id);
    expect(summary.reach.teensEnrolled).toEqual(shown(4));
    expect(summary.retention.averageAttendanceRate.value).toBeCloseTo(0.75, 4);
  });

  it('leaves a withdrawn teen out of the numbers, their attendance too', async () => {
    const { program, coordinator, enrollments } = await sponsoredTerm(5, 4);
    const before = await summaryOf(coordinator, program.id);
    expect(before.reach.teensEnrolled).toEqual(shown(5));
    expect(before.retention.averageAttendanceRate.value).toBeCloseTo(0.8, 4);

    // The one who never came leaves.
    await context.get(EnrollmentsService).withdraw(coordinator.principal, enrollments[4].id, actorOf(coordinator.principal));

    const after = await summaryOf(coordinator, program.id);
    expect(after.reach).toMatchObject({ teensEnrolled: shown(4), teensActive: shown(4) });
    expect(after.retention.averageAttendanceRate.value).toBe(1);
    expect(row(after.breakdowns.attendance, 'never came')?.teens).toEqual(shown(0));
  });

  it('counts each mentor’s volunteer hours, and a sponsor sees only its own employees', async () => {
    const { mentor, sponsor, sponsorId } = await sponsoredTerm(2, 2);
    const other = await createAccount(context, 'sponsor', { sponsorId: await createSponsor(context) });

    const own = await reports.mentorHours(sponsor.principal, {});

    expect(own).toMatchObject({ totalHours: 3, mentors: [{ mentorId: mentor.mentorId, employerSponsorId: sponsorId, sessions: 2, hours: 3 }] });
    await expect(reports.mentorHours(other.principal, {})).resolves.toMatchObject({ mentors: [], totalHours: 0 });
    await expect(reports.mentorHours(other.principal, { sponsorId })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a sponsor reading another sponsor’s report, as if it did not exist', async () => {
    const { sponsorId } = await sponsoredTerm(2, 2);
    const other = await createAccount(context, 'sponsor');

    await expect(reports.outcomes(other.principal, sponsorId, {})).rejects.toMatchObject({ status: 404, code: 'sponsor-not-found' });
  });
});
