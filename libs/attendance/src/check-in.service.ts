import { type AppEnv, type AuditActor, AuditService, envConfig, IdempotencyService, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { ParticipantNotFoundError, ParticipantsService } from '@codeshelf/people';
import { SchedulingPolicy, SessionCancelledError } from '@codeshelf/scheduling';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckInCodeInvalidError, CheckInLockedError, CheckInWindowError, NotEnrolledInSessionError } from './attendance.errors';
import { AttendancePolicy } from './attendance.policy';
import { codeMatches, currentCode } from './check-in-code';
import { CheckInCodeDto, CheckInResultDto } from './dto/roll-call.dto';
import { attendanceOpensAt, sessionContext } from './session-context';

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
    await this.dataSource.query(`INSERT INTO check_in_secret (session_id, secret) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING`, [
      sessionId,
      randomBytes(20).toString('hex'),
    ]);
    const [{ secret }] = await this.dataSource.query(`SELECT secret FROM check_in_secret WHERE session_id = $1`, [sessionId]);
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
    const seated = await this.dataSource.query(`SELECT 1 FROM enrollment WHERE program_id = $1 AND participant_id = $2 AND status IN ('enrolled', 'completed')`, [
      session.programId,
      teen.id,
    ]);
    if (!seated.length) throw new NotEnrolledInSessionError(sessionId);
    const now = new Date();
    const opensAt = attendanceOpensAt(session, this.env.CHECK_IN_OPENS_MINUTES_BEFORE);
    if (now < opensAt || now >= session.endsAt) throw new CheckInWindowError(opensAt, session.endsAt, now);

    const [attempt] = await this.dataSource.query(
      `INSERT INTO check_in_attempt (session_id, participant_id, attempts, window_started_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (session_id, participant_id) DO UPDATE SET
         attempts = CASE WHEN check_in_attempt.window_started_at < now() - interval '10 minutes' THEN 1 ELSE check_in_attempt.attempts + 1 END,
         window_started_at = CASE WHEN check_in_attempt.window_started_at < now() - interval '10 minutes' THEN now() ELSE check_in_attempt.window_started_at END
       RETURNING attempts, GREATEST(1, CEIL(EXTRACT(EPOCH FROM window_started_at + interval '10 minutes' - now())))::int AS wait`,
      [sessionId, teen.id],
    );
    const limit = this.env.CHECK_IN_MAX_FAILED_ATTEMPTS;
    if (attempt.attempts > limit) throw new CheckInLockedError(attempt.wait);
    const [secretRow] = await this.dataSource.query(`SELECT secret FROM check_in_secret WHERE session_id = $1`, [sessionId]);
    if (!secretRow || !codeMatches(secretRow.secret, this.env.CHECK_IN_CODE_PERIOD_SECONDS, code, now)) throw new CheckInCodeInvalidError(limit - attempt.attempts);

    const status = now.getTime() > session.startsAt.getTime() + minutes(this.env.CHECK_IN_LATE_AFTER_MINUTES) ? 'late' : 'present';
    return this.transactions.run(async (manager) => {
      // Locked, as for a roll call: the session is not cancelled while the teen is checked in.
      const [{ status: current }] = await manager.query(`SELECT status FROM session WHERE id = $1 FOR SHARE`, [sessionId]);
      if (current === 'cancelled') throw new SessionCancelledError(sessionId);
      await manager.query(`DELETE FROM check_in_attempt WHERE session_id = $1 AND participant_id = $2`, [sessionId, teen.id]);
      const [row] = await manager.query(
        `INSERT INTO attendance (session_id, participant_id, status, method, checked_in_at, recorded_by) VALUES ($1, $2, $3, 'self_check_in', now(), $4)
         ON CONFLICT (session_id, participant_id) DO UPDATE
            SET status = EXCLUDED.status, method = 'self_check_in', checked_in_at = now(), recorded_by = EXCLUDED.recorded_by, updated_at = now()
          WHERE attendance.status = 'absent'
         RETURNING status, method, checked_in_at`,
        [sessionId, teen.id, status, principal.id],
      );
      const kept = row ?? (await manager.query(`SELECT status, method, checked_in_at FROM attendance WHERE session_id = $1 AND participant_id = $2`, [sessionId, teen.id]))[0];
      if (row) await this.audit.record({ actor, action: 'attendance.checked_in', entity: 'session', entityId: sessionId, changes: { participantId: teen.id, status } }, manager);
      const result = { sessionId, participantId: teen.id, status: kept.status, method: kept.method, checkedInAt: kept.checked_in_at };
      await this.idempotency.complete(manager, result);
      return result;
    });
  }
}
