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
import { type CalendarEvent, icalendar } from './icalendar';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export class FeedTokenInvalidError extends ProblemError {
  constructor() {
    super(404, 'calendar-feed-not-found', 'Calendar feed not found', 'This feed link is unknown or was replaced; get a new one from POST /v1/me/calendar-token.');
  }
}

interface SessionRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  topic: string;
  status: string;
  sequence: number;
  updated_at: Date;
  title: string;
  branch_name: string;
  branch_address: string | null;
  timezone: string;
  room_name: string | null;
}

const SESSION_ROWS = `SELECT s.id, s.starts_at, s.ends_at, s.topic, s.status, s.sequence, s.updated_at, p.title,
       b.name AS branch_name, b.address AS branch_address, b.timezone, r.name AS room_name
  FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
  LEFT JOIN room r ON r.id = s.room_id`;
const SESSION_ROWS_WITH_PROGRAM = SESSION_ROWS.replace('SELECT ', 'SELECT s.program_id, s.cancel_reason, s.starts_at::text AS sort, ');

/** Sessions of user $1: those they mentor, and all of the programs in $2. */
const PERSONAL = `(s.program_id = ANY($2::uuid[])
   OR s.id IN (SELECT sm.session_id FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id WHERE m.user_id = $1))`;

const toEvent = (r: SessionRow): CalendarEvent => ({
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
    const rows: SessionRow[] = await this.programs.query(`${SESSION_ROWS} WHERE s.program_id = $1 ORDER BY s.starts_at, s.id`, [program.id]);
    const [{ timezone }] = await this.programs.query(`SELECT timezone FROM branch WHERE id = $1`, [program.branchId]);
    return icalendar(program.title, timezone, rows.map(toEvent));
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
    const rows: SessionRow[] = await this.programs.query(`${SESSION_ROWS} WHERE ${PERSONAL} ORDER BY s.starts_at, s.id`, [userId, programIds]);
    const zones = new Set(rows.map((r) => r.timezone));
    const zone = zones.size === 1 ? [...zones][0] : 'UTC';
    return icalendar('Codeshelf', zone, rows.map(toEvent));
  }

  /** The same sessions as the feed, as a page of JSON, from `query.from` (now by default) in time order. */
  async schedule(userId: string, programIds: string[], query: ScheduleQuery): Promise<Page<ScheduleItemDto>> {
    const params: unknown[] = [userId, programIds, query.from ?? new Date().toISOString(), query.to ?? 'infinity', query.limit + 1];
    let after = '';
    if (query.cursor) {
      const [value, id] = decodeCursor(query.cursor);
      params.push(value, id);
      after = 'AND (s.starts_at, s.id) > ($6::timestamptz, $7::uuid)';
    }
    const rows: (SessionRow & { program_id: string; cancel_reason: string | null; mentoring: boolean; sort: string })[] = await this.programs.query(
      `SELECT q.*, EXISTS (SELECT 1 FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id WHERE sm.session_id = q.id AND m.user_id = $1) AS mentoring
         FROM (${SESSION_ROWS_WITH_PROGRAM} WHERE ${PERSONAL} AND s.ends_at > $3::timestamptz AND s.starts_at < $4::timestamptz ${after}
               ORDER BY s.starts_at, s.id LIMIT $5) q ORDER BY q.starts_at, q.id`,
      params,
    );
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
