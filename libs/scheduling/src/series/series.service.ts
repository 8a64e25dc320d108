import { AuditActor, AuditService, IdempotencyService, TransactionService, ValidationFailedError } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { Between, EntityManager } from 'typeorm';
import { BranchClosureEntity } from '../closures/branch-closure.entity';
import { SchedulingPolicy } from '../scheduling.policy';
import { SessionDto } from '../sessions/dto/session.dto';
import { assertRoomAtBranch, assertSchedulable, lockProgramWithBranch, tryInsertSession } from '../queries/session-writes';
import { SessionEntity } from '../sessions/session.entity';
import { CreateSeriesDto, SeriesPreviewDto, SeriesResultDto, SkippedDateDto } from './dto/create-series.dto';
import { expandSeries, rruleProblem } from './expand-series';
import { SessionSeriesEntity } from './session-series.entity';

@Injectable()
export class SeriesService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly policy: SchedulingPolicy,
  ) {}

  /**
   * Makes a program's sessions from a rule, in one transaction. Dates outside the program, closed
   * dates and dates whose room is taken are skipped and reported, never half-written. With an
   * Idempotency-Key the answer is stored in that transaction, so a retry never makes the sessions twice.
   */
  create(principal: Principal, programId: string, dto: CreateSeriesDto, actor: AuditActor): Promise<SeriesResultDto> {
    assertRule(dto);
    return this.transactions.run(async (manager) => {
      const result = await this.write(manager, principal, programId, dto);
      await this.audit.record(
        {
          actor,
          action: 'series.created',
          entity: 'session_series',
          entityId: result.seriesId,
          changes: { programId, ...dto, created: result.created.length, skipped: result.skipped.length },
        },
        manager,
      );
      await this.idempotency.complete(manager, result);
      return result;
    });
  }

  /**
   * What `create` would make now, without keeping it: the very same writes run and are rolled back, so the
   * preview meets the same closures and the same room constraint as the save and cannot differ from it.
   */
  async preview(principal: Principal, programId: string, dto: CreateSeriesDto): Promise<SeriesPreviewDto> {
    assertRule(dto);
    try {
      await this.transactions.run(async (manager) => {
        throw new PreviewDone(await this.write(manager, principal, programId, dto));
      });
    } catch (error) {
      if (!(error instanceof PreviewDone)) throw error;
      const { created, skipped } = error.result;
      return { sessions: created.map(({ startsAt, endsAt, roomId }) => ({ startsAt, endsAt, roomId })), skipped };
    }
    throw new Error('series preview finished without a result');
  }

  private async write(manager: EntityManager, principal: Principal, programId: string, dto: CreateSeriesDto): Promise<SeriesResultDto> {
    const { program, branch } = await lockProgramWithBranch(manager, programId);
    this.policy.assertCanChangeProgram(principal, program);
    assertSchedulable(program);
    await assertRoomAtBranch(manager, dto.roomId, branch.id);
    const from = dto.from ?? program.startsOn;
    const until = dto.until ?? (dto.count ? undefined : program.endsOn);
    const closures = await manager.getRepository(BranchClosureEntity).findBy({ branchId: branch.id, date: Between(program.startsOn, program.endsOn) });
    const { occurrences, skipped } = expandSeries(
      { rrule: dto.rrule, startTime: dto.startTime, durationMinutes: dto.durationMinutes, timezone: branch.timezone, from, until, count: dto.count },
      { programStartsOn: program.startsOn, programEndsOn: program.endsOn, closures: new Map(closures.map((c) => [c.date, c.reason])) },
    );
    const series = manager.getRepository(SessionSeriesEntity).create({
      programId,
      rrule: dto.rrule.replace(/^RRULE:/i, ''),
      startTime: dto.startTime,
      durationMinutes: dto.durationMinutes,
      roomId: dto.roomId ?? null,
      until: until ?? null,
      count: dto.count ?? null,
    });
    await manager.getRepository(SessionSeriesEntity).insert(series);
    const created: SessionDto[] = [];
    const reported: SkippedDateDto[] = [...skipped];
    for (const occurrence of occurrences) {
      const session = manager.getRepository(SessionEntity).create({
        programId,
        seriesId: series.id,
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
        roomId: dto.roomId ?? null,
      });
      const conflict = await tryInsertSession(manager, session);
      if (conflict === undefined) created.push(SessionDto.from(session));
      else reported.push({ date: occurrence.date, reason: 'room already booked', ...(conflict ? { conflictingSessionId: conflict } : {}) });
    }
    reported.sort((a, b) => a.date.localeCompare(b.date));
    return { seriesId: series.id, created, skipped: reported };
  }
}

function assertRule(dto: CreateSeriesDto): void {
  const problem = rruleProblem(dto.rrule);
  if (problem) throw new ValidationFailedError([{ field: 'rrule', code: 'isRrule', message: problem }]);
  if (dto.until && dto.count) throw new ValidationFailedError([{ field: 'count', code: 'untilOrCount', message: 'send until or count, not both' }]);
}

/** Carries a preview's result out of its transaction, which throwing rolls back. */
class PreviewDone extends Error {
  constructor(readonly result: SeriesResultDto) {
    super('series preview');
  }
}
