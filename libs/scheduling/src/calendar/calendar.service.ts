import { type AppEnv, envConfig, ProblemError } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { CalendarFeedTokenEntity } from './calendar-feed-token.entity';
import { ProgramEntity } from '../programs/program.entity';
import { SchedulingPolicy } from '../scheduling.policy';
import { ProgramNotFoundError } from '../scheduling.errors';
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
    const rows: SessionRow[] = await this.programs.query(`${SESSION_ROWS} WHERE s.program_id = $1 ORDER BY s.starts_at, s.id`, [programId]);
    const [{ timezone }] = await this.programs.query(`SELECT timezone FROM branch WHERE id = $1`, [program.branchId]);
    return icalendar(program.title, timezone, rows.map(toEvent));
  }

  /** A new secret feed URL for the caller; the previous one stops working. */
  async rotateToken(principal: Principal): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.upsert({ userId: principal.id, tokenHash: sha256(token) }, ['userId']);
    return { url: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/v1/me/calendar.ics?token=${token}` };
  }

  /**
   * The feed behind a token: a mentor's assigned sessions (a teen's enrolled programs join it with the
   * enrollment feature). Events carry their own zones; the calendar is named in the first one's.
   */
  async personalFeed(token: string): Promise<string> {
    const owner = await this.tokens.findOneBy({ tokenHash: sha256(token) });
    if (!owner) throw new FeedTokenInvalidError();
    const rows: SessionRow[] = await this.programs.query(
      `${SESSION_ROWS} JOIN session_mentor sm ON sm.session_id = s.id JOIN mentor m ON m.id = sm.mentor_id
        WHERE m.user_id = $1 ORDER BY s.starts_at, s.id`,
      [owner.userId],
    );
    const zones = new Set(rows.map((r) => r.timezone));
    const zone = zones.size === 1 ? [...zones][0] : 'UTC';
    return icalendar('Codeshelf', zone, rows.map(toEvent));
  }
}
