import { AuditActor, AuditService, OutboxService, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, MoreThanOrEqual, QueryFailedError, Repository } from 'typeorm';
import { SessionMentorEntity } from '../mentors/session-mentor.entity';
import { ProgramEntity } from '../programs/program.entity';
import { SchedulingPolicy } from '../scheduling.policy';
import { ProgramNotFoundError, RoomConflictError, SessionCancelledError, SessionNotFoundError } from '../scheduling.errors';
import { CancelSessionDto, CreateSessionDto, SessionDto } from './dto/session.dto';
import { assertRoomAtBranch, assertSchedulable, assertSessionFits, lockProgramWithBranch, sessionInRoom } from './session-writes';
import { SessionEntity } from './session.entity';

export type SessionScope = 'this' | 'following';

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly policy: SchedulingPolicy,
  ) {}

  /** A program's sessions in time order, for whoever may see the program. */
  async list(principal: Principal | undefined, programId: string): Promise<SessionDto[]> {
    const program = await this.programs.findOneBy({ id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    this.policy.assertCanReadProgram(principal, program);
    return (await this.sessions.find({ where: { programId }, order: { startsAt: 'ASC', id: 'ASC' } })).map(SessionDto.from);
  }

  async get(principal: Principal | undefined, id: string): Promise<SessionDto> {
    const session = await this.sessions.findOneBy({ id });
    const program = session && (await this.programs.findOneBy({ id: session.programId }));
    if (!session || !program) throw new SessionNotFoundError(id);
    try {
      this.policy.assertCanReadProgram(principal, program);
    } catch {
      throw new SessionNotFoundError(id);
    }
    return SessionDto.from(session);
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
   * Cancels the session, or it and every later scheduled session of its series (`following`). The rows
   * stay, marked cancelled; an outbox message tells the enrolled teens and the mentors.
   */
  cancel(principal: Principal, id: string, dto: CancelSessionDto, scope: SessionScope, actor: AuditActor): Promise<SessionDto[]> {
    return this.transactions.run(async (manager) => {
      const session = await manager.getRepository(SessionEntity).findOneBy({ id });
      if (!session) throw new SessionNotFoundError(id);
      const { program } = await lockProgramWithBranch(manager, session.programId);
      this.policy.assertCanChangeProgram(principal, program);
      if (session.status === 'cancelled') throw new SessionCancelledError(id);
      const targets =
        scope === 'following' && session.seriesId
          ? await manager.getRepository(SessionEntity).find({
              where: { seriesId: session.seriesId, status: 'scheduled', startsAt: MoreThanOrEqual(session.startsAt) },
              order: { startsAt: 'ASC' },
            })
          : [session];
      for (const target of targets) {
        Object.assign(target, { status: 'cancelled', cancelReason: dto.reason, sequence: target.sequence + 1 });
        await manager.getRepository(SessionEntity).save(target);
        await this.outbox.enqueue(manager, 'session.cancelled', { sessionId: target.id, programId: program.id, startsAt: target.startsAt.toISOString(), reason: dto.reason });
      }
      // Its mentors are free again at that time.
      await manager.getRepository(SessionMentorEntity).update({ sessionId: In(targets.map((t) => t.id)) }, { active: false });
      await this.audit.record(
        { actor, action: 'session.cancelled', entity: 'session', entityId: id, changes: { scope, reason: dto.reason, sessionIds: targets.map((t) => t.id) } },
        manager,
      );
      return targets.map(SessionDto.from);
    });
  }
}

/**
 * Inserts a session. The room's exclusion constraint turns a double booking into a 409 naming the other
 * session; a savepoint keeps the transaction usable to look that session up.
 */
export async function insertSession(manager: EntityManager, session: SessionEntity): Promise<void> {
  const conflict = await tryInsertSession(manager, session);
  if (conflict !== undefined) throw new RoomConflictError(conflict);
}

/** Inserts a session, or answers the id of the session already in its room (null if it is gone). */
export async function tryInsertSession(manager: EntityManager, session: SessionEntity): Promise<string | null | undefined> {
  await manager.query('SAVEPOINT session_insert');
  try {
    await manager.getRepository(SessionEntity).insert(session);
    await manager.query('RELEASE SAVEPOINT session_insert');
    return undefined;
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT session_insert');
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01') {
      return sessionInRoom(manager, session.roomId!, session.startsAt, session.endsAt);
    }
    throw error;
  }
}
