import { type AppEnv, type AuditActor, AuditService, envConfig, IdempotencyService, TransactionService } from '@codeshelf/core';
import { holdsSeat } from '@codeshelf/enrollment';
import type { Principal } from '@codeshelf/identity';
import { ParticipantNotFoundError, ParticipantsService } from '@codeshelf/people';
import { lockSessionStatus, SchedulingPolicy, SessionCancelledError, sessionContext } from '@codeshelf/scheduling';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckInCodeInvalidError, CheckInLockedError, CheckInWindowError, NotEnrolledInSessionError } from './attendance.errors';
import { attendanceOpensAt } from './attendance-window';
import { AttendancePolicy } from './attendance.policy';
import { codeMatches, currentCode } from './check-in-code';
import { CheckInCodeDto, CheckInResultDto } from './dto/roll-call.dto';
import { attendanceMark, checkInSecret, clearCheckInAttempts, countCheckInAttempt, existingCheckInSecret, recordSelfCheckIn } from './queries/check-in';

const minutes = (n: number) => n * 60_000;

/** Self check-in (rule 6): a rotating code per session, shown by its mentor, typed by the teen inside the window. */
@Injectable()
export class CheckInService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly policy: AttendancePolicy,
    private readonly scheduling: SchedulingPolicy,
    private readonly participants: ParticipantsService,
  ) {}

  /** The code to show now; the session's secret is made on the first request. */
  async code(principal: Principal, sessionId: string): Promise<CheckInCodeDto> {
    const session = await sessionContext(this.dataSource.manager, sessionId);
    await this.policy.assertCanTakeRoll(principal, session);
    if (session.status === 'cancelled') throw new SessionCancelledError(sessionId);
    const secret = await checkInSecret(this.dataSource.manager, sessionId, randomBytes(20).toString('hex'));
    const period = this.env.CHECK_IN_CODE_PERIOD_SECONDS;
    const { code, expiresAt } = currentCode(secret, period);
    const base = this.env.PUBLIC_URL.replace(/\/+$/, '');
    return { code, expiresAt, periodSeconds: period, checkInUrl: `${base}/check-in?sessionId=${sessionId}&code=${code}` };
  }

  /**
   * The teen checks in: present, or late after the grace period. Every try counts against the limit before
   * the code is checked, so guesses in parallel cannot get past it; a right code clears the count. A status
   * staff already recorded (present, late, excused) is kept; an `absent` is corrected.
   */
  async checkIn(principal: Principal, sessionId: string, code: string, actor: AuditActor): Promise<CheckInResultDto> {
    const session = await sessionContext(this.dataSource.manager, sessionId);
    this.scheduling.assertCanReadProgram(principal, { id: session.programId, status: session.programStatus, branchId: session.branchId });
    const teen = await this.participants.findByUser(principal.id);
    if (!teen) throw new ParticipantNotFoundError('of this account');
    if (session.status === 'cancelled') throw new SessionCancelledError(sessionId);
    if (!(await holdsSeat(this.dataSource.manager, session.programId, teen.id))) throw new NotEnrolledInSessionError(sessionId);
    const now = new Date();
    const opensAt = attendanceOpensAt(session, this.env.CHECK_IN_OPENS_MINUTES_BEFORE);
    if (now < opensAt || now >= session.endsAt) throw new CheckInWindowError(opensAt, session.endsAt, now);

    const attempt = await countCheckInAttempt(this.dataSource.manager, sessionId, teen.id);
    const limit = this.env.CHECK_IN_MAX_FAILED_ATTEMPTS;
    if (attempt.attempts > limit) throw new CheckInLockedError(attempt.wait);
    const secret = await existingCheckInSecret(this.dataSource.manager, sessionId);
    if (!secret || !codeMatches(secret, this.env.CHECK_IN_CODE_PERIOD_SECONDS, code, now)) throw new CheckInCodeInvalidError(limit - attempt.attempts);

    const status = now.getTime() > session.startsAt.getTime() + minutes(this.env.CHECK_IN_LATE_AFTER_MINUTES) ? 'late' : 'present';
    return this.transactions.run(async (manager) => {
      // Locked, as for a roll call: the session is not cancelled while the teen is checked in.
      if ((await lockSessionStatus(manager, sessionId)) === 'cancelled') throw new SessionCancelledError(sessionId);
      await clearCheckInAttempts(manager, sessionId, teen.id);
      const row = await recordSelfCheckIn(manager, sessionId, teen.id, status, principal.id);
      const kept = row ?? (await attendanceMark(manager, sessionId, teen.id));
      if (row) await this.audit.record({ actor, action: 'attendance.checked_in', entity: 'session', entityId: sessionId, changes: { participantId: teen.id, status } }, manager);
      const result = { sessionId, participantId: teen.id, status: kept.status, method: kept.method, checkedInAt: kept.checked_in_at };
      await this.idempotency.complete(manager, result);
      return result;
    });
  }
}
