import { type AppEnv, decodeCursor, encodeCursor, envConfig, type Page, ProblemError } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { CalendarFeedTokenEntity } from './calendar-feed-token.entity';
import { ProgramEntity } from '../programs/program.entity';
import { SchedulingPolicy } from '../scheduling.policy';
import { ProgramNotFoundError } from '../scheduling.errors';
import { ScheduleItemDto, ScheduleQuery } from './schedule.dto';
import { branchTimezone, type CalendarSessionRow, personalCalendarSessions, personalSchedule, programCalendarSessions } from '../queries/calendar';
import { type CalendarEvent, icalendar } from './icalendar';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export class FeedTokenInvalidError extends ProblemError {
  constructor() {
    super(404, 'calendar-feed-not-found', 'Calendar feed not found', 'This feed link is unknown or was replaced; get a new one from POST /v1/me/calendar-token.');
  }
}

const toEvent = (r: CalendarSessionRow): CalendarEvent => ({
  uid: `${r.id}@codeshelf`,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  summary: r.topic ? `${r.title}: ${r.topic}` : r.title,
  location: [r.room_name, r.branch_name, r.branch_address].filter(Boolean).join(', '),
  cancelled: r.status === 'cancelled',
  sequence: r.sequence,
  updatedAt: r.updated_at,
});

@Injectable()
export class CalendarService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    @InjectRepository(CalendarFeedTokenEntity) private readonly tokens: Repository<CalendarFeedTokenEntity>,
    private readonly policy: SchedulingPolicy,
  ) {}

  /** The program's sessions as an iCalendar feed, in its branch's time zone; cancelled ones stay, marked so. */
  async programFeed(principal: Principal | undefined, programId: string): Promise<string> {
    const program = await this.programs.findOneBy({ id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    this.policy.assertCanReadProgram(principal, program);
    return this.programCalendar(program);
  }

  /**
   * The same calendar for a mail to the people a program concerns, whatever its status: a draft's mentors
   * and an archived program's teens are told too, though the public feed is a 404 for them. Null if the
   * program is gone.
   */
  async programMailCalendar(programId: string): Promise<string | null> {
    const program = await this.programs.findOneBy({ id: programId });
    return program && this.programCalendar(program);
  }

  private async programCalendar(program: ProgramEntity): Promise<string> {
    const rows = await programCalendarSessions(this.programs.manager, program.id);
    return icalendar(program.title, await branchTimezone(this.programs.manager, program.branchId), rows.map(toEvent));
  }

  /** A new secret feed URL for the caller; the previous one stops working. */
  async rotateToken(principal: Principal): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.upsert({ userId: principal.id, tokenHash: sha256(token) }, ['userId']);
    return { url: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/v1/me/calendar.ics?token=${token}` };
  }

  /** The user a feed token belongs to. */
  async feedOwner(token: string): Promise<string> {
    const owner = await this.tokens.findOneBy({ tokenHash: sha256(token) });
    if (!owner) throw new FeedTokenInvalidError();
    return owner.userId;
  }

  /**
   * A person's feed: the sessions they mentor and every session of `programIds` (the programs they are
   * enrolled in, which the enrollment feature knows). Cancelled sessions stay, marked so. The calendar is in
   * the branch's zone when all sessions share one; otherwise in UTC, with the same instants.
   */
  async personalFeed(userId: string, programIds: string[]): Promise<string> {
    const rows = await personalCalendarSessions(this.programs.manager, userId, programIds);
    const zones = new Set(rows.map((r) => r.timezone));
    const zone = zones.size === 1 ? [...zones][0] : 'UTC';
    return icalendar('Codeshelf', zone, rows.map(toEvent));
  }

  /** The same sessions as the feed, as a page of JSON, from `query.from` (now by default) in time order. */
  async schedule(userId: string, programIds: string[], query: ScheduleQuery): Promise<Page<ScheduleItemDto>> {
    const rows = await personalSchedule(this.programs.manager, userId, programIds, {
      from: query.from ?? new Date().toISOString(),
      to: query.to ?? 'infinity',
      limit: query.limit + 1,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const items = rows.slice(0, query.limit);
    const last = rows.length > query.limit ? items[items.length - 1] : undefined;
    return {
      items: items.map((r) => ({
        sessionId: r.id,
        programId: r.program_id,
        programTitle: r.title,
        topic: r.topic,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        timezone: r.timezone,
        branchName: r.branch_name,
        roomName: r.room_name,
        status: r.status as ScheduleItemDto['status'],
        cancelReason: r.cancel_reason,
        as: r.mentoring ? 'mentor' : 'participant',
      })),
      nextCursor: last ? encodeCursor(last.sort, last.id) : null,
    };
  }
}
