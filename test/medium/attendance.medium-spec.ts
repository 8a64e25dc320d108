import { type AttendanceStatus, type MentorAttendanceStatus, RatesService, RollCallService } from '@codeshelf/attendance';
import { actorOf, type Principal } from '@codeshelf/identity';
import { ProgramsService } from '@codeshelf/scheduling';
import type { TestingModule } from '@nestjs/testing';
import { CheckInService } from '../../libs/attendance/src/check-in.service';
import { backdateEnrollments, enrollInTurnViaServices, insertTeens, publishedProgramViaServices, type Teen } from '../support/enrollment-factories';
import { type Account, principalOf } from '../support/identity';
import { queryOf, startMediumContext } from '../support/medium';
import { cancelSession, clearedMentor, scheduleSession } from '../support/scheduling-factories';

const DAY = 24 * 60;
const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY * 60_000).toISOString().slice(0, 10);

describe('Attendance services', () => {
  let context: TestingModule;
  let rollCall: RollCallService;
  let rates: RatesService;
  let query: ReturnType<typeof queryOf>;

  beforeAll(async () => {
    context = await startMediumContext();
    rollCall = context.get(RollCallService);
    rates = context.get(RatesService);
    query = queryOf(context);
  });

  afterAll(async () => {
    await context.close();
  });

  /** A program running from 40 days ago to 60 days ahead, and its teens holding seats since 30 days ago. */
  async function runningClub(seated: number, fields: Parameters<typeof publishedProgramViaServices>[1] = {}) {
    const club = await publishedProgramViaServices(context, { startsOn: isoDate(-40), endsOn: isoDate(60), minAge: 10, maxAge: 19, capacity: 10, ...fields });
    const teens = await insertTeens(context, seated);
    await enrollInTurnViaServices(context, club.program.id, teens);
    await backdateEnrollments(context, club.program.id, teens, 30);
    return { ...club, teens };
  }
  const mark = (staff: Account, sessionId: string, records: [Teen, AttendanceStatus][], mentors: { mentorId: string; status: MentorAttendanceStatus }[] = []) =>
    rollCall.record(staff.principal, sessionId, { records: records.map(([t, status]) => ({ participantId: t.participantId, status })), mentors }, actorOf(staff.principal));
  const teenPrincipal = async (teen: Teen): Promise<Principal> => (await principalOf(context, teen.userId))!;

  describe(RollCallService.name, () => {
    it('refuses to mark a waitlisted teen, naming them, and writes nothing of the batch', async () => {
      const { program, coordinator, teens } = await runningClub(2, { capacity: 1 });
      const sessionId = await scheduleSession(context, coordinator, program.id, -DAY);

      await expect(mark(coordinator, sessionId, [[teens[0], 'present'], [teens[1], 'present']])).rejects.toMatchObject({
        status: 422,
        code: 'not-enrolled',
        extensions: { participantIds: [teens[1].participantId] },
      });
      await expect(query(`SELECT 1 FROM attendance WHERE session_id = $1`, [sessionId])).resolves.toEqual([]);
    });

    it('takes no roll before a session opens nor at a cancelled one', async () => {
      const { program, coordinator, teens } = await runningClub(1);
      const future = await scheduleSession(context, coordinator, program.id, 2 * DAY);
      const cancelled = await scheduleSession(context, coordinator, program.id, -DAY);
      await cancelSession(context, coordinator, cancelled);

      await expect(mark(coordinator, future, [[teens[0], 'present']])).rejects.toMatchObject({ status: 409, code: 'roll-call-not-open' });
      await expect(mark(coordinator, cancelled, [[teens[0], 'present']])).rejects.toMatchObject({ status: 409, code: 'session-cancelled' });
      await expect(query(`SELECT 1 FROM attendance WHERE session_id = ANY($1::uuid[])`, [[future, cancelled]])).resolves.toEqual([]);
    });

    it('audits a correction with what it was and what it became, and nothing for the same marks again', async () => {
      const { program, coordinator, teens } = await runningClub(1);
      const sessionId = await scheduleSession(context, coordinator, program.id, -DAY);
      await mark(coordinator, sessionId, [[teens[0], 'absent']]);

      await mark(coordinator, sessionId, [[teens[0], 'excused']]);
      await mark(coordinator, sessionId, [[teens[0], 'excused']]);

      const audits = await query(`SELECT actor_id, changes FROM audit_event WHERE action = 'attendance.recorded' AND entity_id = $1 ORDER BY at`, [sessionId]);
      expect(audits.map((a: { changes: { records: unknown[] } }) => a.changes.records)).toEqual([
        [{ participantId: teens[0].participantId, from: null, to: { status: 'absent', note: null } }],
        [{ participantId: teens[0].participantId, from: { status: 'absent', note: null }, to: { status: 'excused', note: null } }],
      ]);
      expect(audits.every((a: { actor_id: string }) => a.actor_id === coordinator.id)).toBe(true);
    });
  });

  describe(CheckInService.name, () => {
    it('lets a seated teen check in with the code on the mentor’s screen, and not one who only waits in line', async () => {
      const { program, coordinator, teens } = await runningClub(2, { capacity: 1 });
      const sessionId = await scheduleSession(context, coordinator, program.id, -2);
      const checkIns = context.get(CheckInService);
      const { code } = await checkIns.code(coordinator.principal, sessionId);
      const [seated, waiting] = [await teenPrincipal(teens[0]), await teenPrincipal(teens[1])];

      await expect(checkIns.checkIn(seated, sessionId, code, actorOf(seated))).resolves.toMatchObject({ participantId: teens[0].participantId, status: 'present', method: 'self_check_in' });
      await expect(checkIns.checkIn(waiting, sessionId, code, actorOf(waiting))).rejects.toMatchObject({ status: 422, code: 'not-enrolled' });
      const sheet = await rollCall.sheet(coordinator.principal, sessionId);
      expect(sheet.teens.map((t) => [t.participantId, t.status])).toEqual([[teens[0].participantId, 'present']]);
    });
  });

  describe(RatesService.name, () => {
    it('counts a session held once it has started and is not cancelled; a cancelled or future one does not count', async () => {
      const { program, coordinator, teens } = await runningClub(1);
      const held = await scheduleSession(context, coordinator, program.id, -20 * DAY);
      const cancelled = await scheduleSession(context, coordinator, program.id, -10 * DAY);
      await cancelSession(context, coordinator, cancelled);
      const future = await scheduleSession(context, coordinator, program.id, 5 * DAY);

      const report = await rates.program(coordinator.principal, program.id, actorOf(coordinator.principal));

      expect(report.teens).toEqual([expect.objectContaining({ participantId: teens[0].participantId, sessionsHeld: 1, unrecorded: 1, rate: 0 })]);
      const byId = new Map(report.sessions.map((s) => [s.sessionId, s]));
      expect(byId.get(held)).toMatchObject({ held: true, expected: 1, unrecorded: 1 });
      expect(byId.get(cancelled)).toMatchObject({ status: 'cancelled', held: false, unrecorded: 0 });
      expect(byId.get(future)).toMatchObject({ held: false, unrecorded: 0 });
    });

    it('does not count a session held before a teen took their seat, nor let anyone mark them there', async () => {
      const { program, coordinator, teens } = await runningClub(1);
      const [newcomer] = await insertTeens(context, 1);
      const before = await scheduleSession(context, coordinator, program.id, -2 * DAY);
      await enrollInTurnViaServices(context, program.id, [newcomer]);
      await mark(coordinator, before, [[teens[0], 'present']]);

      await expect(mark(coordinator, before, [[newcomer, 'absent']])).rejects.toMatchObject({ code: 'not-enrolled', extensions: { participantIds: [newcomer.participantId] } });
      const report = await rates.program(coordinator.principal, program.id, actorOf(coordinator.principal));
      const of = (t: Teen) => report.teens.find((r) => r.participantId === t.participantId);
      expect(of(newcomer)).toMatchObject({ sessionsHeld: 0, absent: 0, unrecorded: 0, rate: null, consecutiveAbsences: 0 });
      expect(of(teens[0])).toMatchObject({ sessionsHeld: 1, present: 1, rate: 1 });
      expect(report.sessions).toEqual([expect.objectContaining({ sessionId: before, expected: 1, present: 1, unrecorded: 0 })]);
    });

    it('rates attended (present or late) over held, flags three absences in a row, and decides completion once the program ends', async () => {
      const { program, coordinator, teens } = await runningClub(3, { completionThreshold: 0.75 });
      const [done, short, gone] = teens;
      const sessions = [];
      for (const daysAgo of [20, 10, 6, 4]) sessions.push(await scheduleSession(context, coordinator, program.id, -daysAgo * DAY));
      const marks: [AttendanceStatus, AttendanceStatus, AttendanceStatus][] = [
        ['present', 'present', 'present'],
        ['late', 'absent', 'absent'],
        ['excused', 'absent', 'absent'],
        ['present', 'present', 'absent'],
      ];
      for (const [i, [a, b, c]] of marks.entries()) await mark(coordinator, sessions[i], [[done, a], [short, b], [gone, c]]);

      const running = await rates.program(coordinator.principal, program.id, actorOf(coordinator.principal));
      const of = (report: typeof running, t: Teen) => report.teens.find((r) => r.participantId === t.participantId);
      // done: present, late, excused, present → 3 of 4; short: 2 of 4; gone: 1 of 4 and 3 absences since.
      expect(of(running, done)).toMatchObject({ sessionsHeld: 4, present: 2, late: 1, excused: 1, rate: 0.75, flagged: false, completion: 'in_progress' });
      expect(of(running, short)).toMatchObject({ rate: 0.5, consecutiveAbsences: 0, flagged: false, completion: 'in_progress' });
      expect(of(running, gone)).toMatchObject({ rate: 0.25, consecutiveAbsences: 3, flagged: true });

      await context.get(ProgramsService).update(coordinator.principal, program.id, { endsOn: isoDate(-2) }, actorOf(coordinator.principal));
      const ended = await rates.program(coordinator.principal, program.id, actorOf(coordinator.principal));

      expect(ended.ended).toBe(true);
      expect([done, short, gone].map((t) => of(ended, t)?.completion)).toEqual(['completed', 'not_completed', 'not_completed']);
    });

    it('counts a mentor’s hours at the sessions they were present at, not those they missed or that were cancelled', async () => {
      const { program, coordinator, teens } = await runningClub(1);
      const sessions = [await scheduleSession(context, coordinator, program.id, -9 * DAY, 90), await scheduleSession(context, coordinator, program.id, -7 * DAY, 60)];
      sessions.push(await scheduleSession(context, coordinator, program.id, -5 * DAY, 90), await scheduleSession(context, coordinator, program.id, -3 * DAY, 120));
      const mentor = await clearedMentor(context, coordinator, sessions);
      for (const [i, status] of (['present', 'present', 'absent', 'present'] as const).entries()) {
        await mark(coordinator, sessions[i], [[teens[0], 'present']], [{ mentorId: mentor.mentorId, status }]);
      }
      await cancelSession(context, coordinator, sessions[3]);

      const hours = await rates.mentorHours(coordinator.principal, mentor.mentorId, {});

      // 90 + 60 minutes; the absence and the cancelled session's 2 hours count for nothing.
      expect(hours).toMatchObject({ mentorId: mentor.mentorId, sessions: 2, hours: 2.5, byProgram: [{ programId: program.id, sessions: 2, hours: 2.5 }] });
      await expect(rates.mentorHours(mentor.principal, mentor.mentorId, { from: new Date(Date.now() - 8 * DAY * 60_000).toISOString() })).resolves.toMatchObject({ sessions: 1, hours: 1 });
    });
  });
});
