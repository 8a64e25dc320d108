import { AuditActor, AuditService, OutboxService, Page, PageQueryDto, pageOfRows, TransactionService, ValidationFailedError } from '@codeshelf/core';
import { type Principal, UsersService } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { EntityManager, In, MoreThanOrEqual, Repository } from 'typeorm';
import { SessionMentorEntity } from '../mentors/session-mentor.entity';
import { ProgramEntity } from '../programs/program.entity';
import { programVisibility } from '../queries/program-reads';
import { SchedulingPolicy } from '../scheduling.policy';
import { ProgramNotFoundError, SessionCancelledError, SessionNotFoundError } from '../scheduling.errors';
import { BranchSessionDto, CancelSessionDto, CreateSessionDto, ListSessionsQuery, ProgramSessionDto, SessionDetailDto, SessionDto, type SessionScope, UpdateSessionDto } from './dto/session.dto';
import { branchSessions, programSessions } from '../queries/session-reads';
import { assertMentorsClearedOn, assertRoomAtBranch, assertSchedulable, assertSessionFits, insertSession, lockProgramWithBranch, lockSessionWithProgram, moveSession } from '../queries/session-writes';
import { dropReminders } from './reminders';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly policy: SchedulingPolicy,
    private readonly users: UsersService,
  ) {}

  /** A program's sessions in time order with their mentors' first names, page by page, for whoever may see the program. */
  async list(principal: Principal | undefined, programId: string, query: PageQueryDto): Promise<Page<ProgramSessionDto>> {
    const program = await programVisibility(this.programs.manager, programId);
    if (!program) throw new ProgramNotFoundError(programId);
    this.policy.assertCanReadProgram(principal, program);
    return pageOfRows(await programSessions(this.sessions.manager, programId, query), query.limit, ProgramSessionDto.fromRow);
  }

  /**
   * The sessions starting in a time range at the branches the caller runs (an admin: all), or at one of
   * them, with program, room and mentors' names — set-based: one statement and one name lookup per page.
   */
  async listAtBranches(principal: Principal, query: ListSessionsQuery): Promise<Page<BranchSessionDto>> {
    if (new Date(query.to) <= new Date(query.from)) throw new ValidationFailedError([{ field: 'to', code: 'dateOrder', message: 'to must be after from' }]);
    if (query.branchId) this.policy.assertCanChangeBranch(principal, query.branchId);
    const branchIds = query.branchId ? [query.branchId] : principal.role === 'admin' ? null : principal.branchIds;
    const rows = await branchSessions(this.sessions.manager, branchIds, query.from, query.to, query);
    const names = await this.users.displayNamesOf([...new Set(rows.flatMap((r) => r.mentorUserIds))]);
    return pageOfRows(rows, query.limit, (row) => ({
      ...SessionDto.from(row),
      programTitle: row.programTitle,
      branchId: row.branchId,
      roomName: row.roomName,
      mentorNames: row.mentorUserIds.map((id) => names.get(id) ?? ''),
    }));
  }

  /** One session, with its mentor-to-teen ratio. */
  async get(principal: Principal | undefined, id: string): Promise<SessionDetailDto> {
    const session = await this.sessions.findOneBy({ id });
    const program = session && (await this.programs.findOneBy({ id: session.programId }));
    if (!session || !program) throw new SessionNotFoundError(id);
    try {
      this.policy.assertCanReadProgram(principal, program);
    } catch {
      throw new SessionNotFoundError(id);
    }
    const mentors = await this.sessions.manager.getRepository(SessionMentorEntity).countBy({ sessionId: id, active: true });
    return SessionDetailDto.of(session, mentors, program.enrolledCount);
  }

  create(principal: Principal, programId: string, dto: CreateSessionDto, actor: AuditActor): Promise<SessionDto> {
    return this.transactions.run(async (manager) => {
      const { program, branch } = await lockProgramWithBranch(manager, programId);
      this.policy.assertCanChangeProgram(principal, program);
      assertSchedulable(program);
      const startsAt = new Date(dto.startsAt);
      const endsAt = new Date(dto.endsAt);
      await assertSessionFits(manager, program, branch, startsAt, endsAt);
      await assertRoomAtBranch(manager, dto.roomId, branch.id);
      const session = manager.getRepository(SessionEntity).create({ programId, startsAt, endsAt, roomId: dto.roomId ?? null, topic: dto.topic ?? '' });
      await insertSession(manager, session);
      await this.audit.record({ actor, action: 'session.created', entity: 'session', entityId: session.id, changes: { programId, ...dto } }, manager);
      return SessionDto.from(session);
    });
  }

  /**
   * Changes the session, or it and every later scheduled session of its series (`following`): those keep
   * their dates and take the new local start time and duration, room and topic. All or nothing: a taken
   * room or a busy mentor on any of them is a 409 naming the other session, and a mentor not cleared on a
   * session's new date a 409 naming the mentor and the clearance.
   */
  update(principal: Principal, id: string, dto: UpdateSessionDto, scope: SessionScope, actor: AuditActor): Promise<SessionDto[]> {
    return this.transactions.run(async (manager) => {
      const { session, program, branch } = await lockSessionWithProgram(manager, id);
      this.policy.assertCanChangeProgram(principal, program);
      assertSchedulable(program);
      if (session.status === 'cancelled') throw new SessionCancelledError(id);
      const startsAt = dto.startsAt ? new Date(dto.startsAt) : session.startsAt;
      const endsAt = dto.endsAt ? new Date(dto.endsAt) : session.endsAt;
      if (endsAt <= startsAt) throw new ValidationFailedError([{ field: 'endsAt', code: 'dateOrder', message: 'endsAt must be after startsAt' }]);
      if (dto.roomId !== undefined) await assertRoomAtBranch(manager, dto.roomId, branch.id);
      const wallClock = DateTime.fromJSDate(startsAt, { zone: branch.timezone });
      const duration = endsAt.getTime() - startsAt.getTime();
      const targets = scope === 'following' && session.seriesId ? await this.laterInSeries(manager, session) : [session];
      for (const target of targets) {
        const start =
          target.id === session.id
            ? startsAt
            : DateTime.fromJSDate(target.startsAt, { zone: branch.timezone }).set({ hour: wallClock.hour, minute: wallClock.minute }).toJSDate();
        const end = new Date(start.getTime() + duration);
        await assertSessionFits(manager, program, branch, start, end);
        await assertMentorsClearedOn(manager, target.id, branch, start);
        Object.assign(target, {
          startsAt: start,
          endsAt: end,
          ...(dto.roomId !== undefined ? { roomId: dto.roomId } : {}),
          ...(dto.topic !== undefined ? { topic: dto.topic } : {}),
          sequence: target.sequence + 1,
        });
        await moveSession(manager, target);
        await this.outbox.enqueue(manager, 'session.changed', { sessionId: target.id, programId: program.id, startsAt: start.toISOString(), endsAt: end.toISOString() });
      }
      await this.audit.record({ actor, action: 'session.updated', entity: 'session', entityId: id, changes: { scope, ...dto, sessionIds: targets.map((t) => t.id) } }, manager);
      return targets.map(SessionDto.from);
    });
  }

  private laterInSeries(manager: EntityManager, session: SessionEntity): Promise<SessionEntity[]> {
    return manager.getRepository(SessionEntity).find({
      where: { seriesId: session.seriesId!, status: 'scheduled', startsAt: MoreThanOrEqual(session.startsAt) },
      order: { startsAt: 'ASC' },
    });
  }

  /**
   * Cancels the session, or it and every later scheduled session of its series (`following`). The rows
   * stay, marked cancelled; an outbox message tells the enrolled teens and the mentors.
   */
  cancel(principal: Principal, id: string, dto: CancelSessionDto, scope: SessionScope, actor: AuditActor): Promise<SessionDto[]> {
    return this.transactions.run(async (manager) => {
      const { session, program } = await lockSessionWithProgram(manager, id);
      this.policy.assertCanChangeProgram(principal, program);
      if (session.status === 'cancelled') throw new SessionCancelledError(id);
      const targets = scope === 'following' && session.seriesId ? await this.laterInSeries(manager, session) : [session];
      for (const target of targets) {
        Object.assign(target, { status: 'cancelled', cancelReason: dto.reason, sequence: target.sequence + 1 });
        await manager.getRepository(SessionEntity).save(target);
        await this.outbox.enqueue(manager, 'session.cancelled', { sessionId: target.id, programId: program.id, startsAt: target.startsAt.toISOString(), reason: dto.reason });
      }
      // Its mentors are free again at that time, and nobody needs reminding.
      await manager.getRepository(SessionMentorEntity).update({ sessionId: In(targets.map((t) => t.id)) }, { active: false });
      await dropReminders(manager, targets.map((t) => t.id));
      await this.audit.record(
        { actor, action: 'session.cancelled', entity: 'session', entityId: id, changes: { scope, reason: dto.reason, sessionIds: targets.map((t) => t.id) } },
        manager,
      );
      return targets.map(SessionDto.from);
    });
  }
}
