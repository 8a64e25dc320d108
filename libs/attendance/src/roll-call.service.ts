import { type AppEnv, type AuditActor, AuditService, envConfig, type FieldErrorDto, TransactionService, ValidationFailedError } from '@codeshelf/core';
import { seatedBefore } from '@codeshelf/enrollment';
import type { Principal } from '@codeshelf/identity';
import { lastInitial, ParticipantsService } from '@codeshelf/people';
import { lockSessionStatus, SessionCancelledError, type SessionContext, sessionContext } from '@codeshelf/scheduling';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MentorNotAssignedError, NotEnrolledError, RollCallNotOpenError } from './attendance.errors';
import { attendanceOpensAt } from './attendance-window';
import { AttendancePolicy } from './attendance.policy';
import { RollCallDto, SessionAttendanceDto } from './dto/roll-call.dto';
import { assignedMentorIds, lockMentorMarks, lockTeenMarks, sheetMentorMarks, sheetTeenMarks, upsertMentorMarks, upsertTeenMarks } from './queries/roll-call';

/** Fields named twice in one batch: a 400 naming the second. */
function duplicates<T>(items: T[], key: (item: T) => string, field: (index: number) => string): FieldErrorDto[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => (seen.has(key(item)) ? [{ field: field(i), code: 'isUnique', message: 'named twice in this roll call' }] : (seen.add(key(item)), [])));
}

/** Roll call (rule 6): the sheet of a session, and the bulk upsert that fills it in one transaction. */
@Injectable()
export class RollCallService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: AttendancePolicy,
    private readonly participants: ParticipantsService,
  ) {}

  async sheet(principal: Principal, sessionId: string): Promise<SessionAttendanceDto> {
    const session = await sessionContext(this.dataSource.manager, sessionId);
    await this.policy.assertCanTakeRoll(principal, session);
    return this.read(session);
  }

  /**
   * Upserts the records, all or nothing: anyone without a seat in the program is a 422 naming them, a
   * cancelled session a 409. Changes are audited (who, from what, to what).
   */
  async record(principal: Principal, sessionId: string, dto: RollCallDto, actor: AuditActor): Promise<SessionAttendanceDto> {
    const twice = [
      ...duplicates(dto.records, (r) => r.participantId, (i) => `records[${i}].participantId`),
      ...duplicates(dto.mentors ?? [], (m) => m.mentorId, (i) => `mentors[${i}].mentorId`),
    ];
    if (twice.length) throw new ValidationFailedError(twice);
    const session = await sessionContext(this.dataSource.manager, sessionId);
    await this.policy.assertCanTakeRoll(principal, session);
    // Roll call opens with self check-in: nobody is marked for a session that has not begun.
    const opensAt = attendanceOpensAt(session, this.env.CHECK_IN_OPENS_MINUTES_BEFORE);
    if (Date.now() < opensAt.getTime()) throw new RollCallNotOpenError(opensAt);
    await this.transactions.run(async (manager) => {
      // The session row is locked, so it is not cancelled while its roll is taken.
      if ((await lockSessionStatus(manager, sessionId)) === 'cancelled') throw new SessionCancelledError(sessionId);
      await this.assertEnrolled(manager, session, dto);
      const changes = await this.upsertTeens(manager, session, dto, principal.id);
      const mentorChanges = await this.upsertMentors(manager, session, dto, principal.id);
      if (changes.length || mentorChanges.length) {
        await this.audit.record(
          { actor, action: 'attendance.recorded', entity: 'session', entityId: sessionId, changes: { records: changes, mentors: mentorChanges } },
          manager,
        );
      }
    });
    return this.read(session);
  }

  private async assertEnrolled(manager: EntityManager, session: SessionContext, dto: RollCallDto): Promise<void> {
    const ok = new Set(await seatedBefore(manager, session.programId, dto.records.map((r) => r.participantId), session.endsAt));
    const missing = dto.records.map((r, i) => ({ r, i })).filter(({ r }) => !ok.has(r.participantId));
    if (missing.length) {
      throw new NotEnrolledError(
        missing.map(({ i }) => ({ field: `records[${i}].participantId`, code: 'isEnrolled', message: 'held no seat in this program at this session (not enrolled, only waitlisted, or enrolled after it)' })),
        missing.map(({ r }) => r.participantId),
      );
    }
    const mentors = dto.mentors ?? [];
    if (!mentors.length) return;
    const here = new Set(await assignedMentorIds(manager, session.id, mentors.map((m) => m.mentorId)));
    const strangers = mentors.map((m, i) => ({ m, i })).filter(({ m }) => !here.has(m.mentorId));
    if (strangers.length) throw new MentorNotAssignedError(strangers.map(({ i }) => ({ field: `mentors[${i}].mentorId`, code: 'isAssigned', message: 'not assigned to this session' })));
  }

  /**
   * The whole batch in one upsert; answers what changed, for the audit trail. The rows are locked and read
   * first, so the "before" of a concurrent correction is the value it replaced.
   */
  private async upsertTeens(manager: EntityManager, session: SessionContext, dto: RollCallDto, recordedBy: string) {
    if (!dto.records.length) return [];
    const before = await lockTeenMarks(manager, session.id, dto.records.map((r) => r.participantId));
    await upsertTeenMarks(manager, session.id, dto.records, recordedBy);
    const was = new Map(before.map((b) => [b.participant_id, { status: b.status, note: b.note }]));
    return dto.records
      .map((r) => ({ participantId: r.participantId, from: was.get(r.participantId) ?? null, to: { status: r.status, note: r.note ?? null } }))
      .filter(({ from, to }) => from?.status !== to.status || from?.note !== to.note);
  }

  private async upsertMentors(manager: EntityManager, session: SessionContext, dto: RollCallDto, recordedBy: string) {
    const mentors = dto.mentors ?? [];
    if (!mentors.length) return [];
    const before = await lockMentorMarks(manager, session.id, mentors.map((m) => m.mentorId));
    await upsertMentorMarks(manager, session.id, mentors, recordedBy);
    const was = new Map(before.map((b) => [b.mentor_id, b.status]));
    return mentors.filter((m) => was.get(m.mentorId) !== m.status).map((m) => ({ mentorId: m.mentorId, from: was.get(m.mentorId) ?? null, to: m.status }));
  }

  /** The sheet: teens holding a seat, plus anyone recorded for the session since (a teen who withdrew later). */
  private async read(session: SessionContext): Promise<SessionAttendanceDto> {
    const marks = await sheetTeenMarks(this.dataSource.manager, session.id, session.programId);
    const people = new Map((await this.participants.namesOf(marks.map((m) => m.participant_id))).map((p) => [p.id, p]));
    const mentors = await sheetMentorMarks(this.dataSource.manager, session.id);
    const teens = marks
      .map((m) => {
        const person = people.get(m.participant_id);
        return {
          participantId: m.participant_id,
          firstName: person?.firstName ?? 'Erased',
          lastInitial: person ? lastInitial(person.lastName) : '',
          status: m.status,
          note: m.note,
          method: m.method,
          checkedInAt: m.checked_in_at,
        } as SessionAttendanceDto['teens'][number];
      })
      .sort((a, b) => a.firstName.localeCompare(b.firstName) || a.lastInitial.localeCompare(b.lastInitial) || a.participantId.localeCompare(b.participantId));
    return { sessionId: session.id, startsAt: session.startsAt, endsAt: session.endsAt, teens, mentors };
  }
}
