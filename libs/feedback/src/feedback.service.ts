import type { Principal } from '@codeshelf/identity';
import { ParticipantNotFoundError, ParticipantsService } from '@codeshelf/people';
import { SchedulingPolicy, SessionCancelledError, sessionContext, SessionNotFoundError } from '@codeshelf/scheduling';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FEEDBACK_DAYS, FeedbackRequestDto, GiveFeedbackDto, GivenFeedbackDto, ProgramFeedbackDto, SessionFeedbackDto } from './dto/feedback.dto';
import { AwayFromSessionError, FeedbackGivenError, FeedbackWindowError, NotSeatedAtSessionError } from './feedback.errors';
import { FeedbackPolicy } from './feedback.policy';
import { commentsOf, feedbackRequests, feedbackStanding, insertFeedback, programBranch, sessionRatings, type SessionRatingsRow } from './queries/feedback';
import { averageOf, summarize } from './summary';

const DAY = 86_400_000;

/**
 * Session feedback: a teen who held a seat at a session rates it once, from its end until FEEDBACK_DAYS after;
 * staff and mentors read the sums and the comments, never who wrote them. Nothing here is audited: an audit
 * event would tie a rating to its teen.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduling: SchedulingPolicy,
    private readonly participants: ParticipantsService,
    private readonly policy: FeedbackPolicy,
  ) {}

  async give(principal: Principal, sessionId: string, dto: GiveFeedbackDto): Promise<GivenFeedbackDto> {
    const db = this.dataSource.manager;
    const session = await sessionContext(db, sessionId);
    this.scheduling.assertCanReadProgram(principal, { id: session.programId, status: session.programStatus, branchId: session.branchId });
    const teen = await this.participants.findByUser(principal.id);
    if (!teen) throw new ParticipantNotFoundError('of this account');
    const standing = await feedbackStanding(db, sessionId, teen.id);
    if (!standing.seated) throw new NotSeatedAtSessionError(sessionId);
    if (session.status === 'cancelled') throw new SessionCancelledError(sessionId);
    const now = new Date();
    const closesAt = new Date(session.endsAt.getTime() + FEEDBACK_DAYS * DAY);
    if (now < session.endsAt || now >= closesAt) throw new FeedbackWindowError(session.endsAt, closesAt, now);
    if (standing.away) throw new AwayFromSessionError(sessionId);
    // The database's trigger checks the session and the seat again, against a write that races a cancellation.
    const row = await insertFeedback(db, sessionId, teen.id, dto.rating, dto.comment || null);
    if (!row) throw new FeedbackGivenError(sessionId);
    return { sessionId, rating: row.rating, comment: row.comment, createdAt: row.created_at };
  }

  async requests(principal: Principal): Promise<FeedbackRequestDto[]> {
    const teen = await this.participants.findByUser(principal.id);
    if (!teen) throw new ParticipantNotFoundError('of this account');
    const rows = await feedbackRequests(this.dataSource.manager, teen.id, FEEDBACK_DAYS);
    return rows.map((r) => ({
      sessionId: r.session_id,
      programId: r.program_id,
      programTitle: r.title,
      topic: r.topic,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      timezone: r.timezone,
      closesAt: r.closes_at,
      rating: r.rating,
      comment: r.comment,
    }));
  }

  async ofSession(principal: Principal, sessionId: string): Promise<SessionFeedbackDto> {
    const db = this.dataSource.manager;
    const session = await sessionContext(db, sessionId).catch((error: unknown) => {
      if (error instanceof SessionNotFoundError) return undefined;
      throw error;
    });
    await this.policy.assertCanRead(principal, session?.branchId, { sessionId });
    const rows = await sessionRatings(db, { sessionId });
    return { sessionId, closesAt: new Date(session!.endsAt.getTime() + FEEDBACK_DAYS * DAY), ...(await this.summary(rows)) };
  }

  async ofProgram(principal: Principal, programId: string): Promise<ProgramFeedbackDto> {
    const db = this.dataSource.manager;
    await this.policy.assertCanRead(principal, await programBranch(db, programId), { programId });
    const rows = await sessionRatings(db, { programId });
    const sessions = rows.map((r) => ({ sessionId: r.session_id, startsAt: r.starts_at, topic: r.topic, count: r.counts.reduce((a, b) => a + b, 0), average: averageOf(r.counts) }));
    return { programId, ...(await this.summary(rows)), sessions };
  }

  private async summary(rows: SessionRatingsRow[]) {
    const { shownSessionIds, ...summary } = summarize(rows.map((r) => ({ sessionId: r.session_id, counts: r.counts, commenters: r.commenters })));
    const comments = shownSessionIds.length ? await commentsOf(this.dataSource.manager, shownSessionIds) : [];
    return { ...summary, comments: comments.map((c) => ({ sessionId: c.session_id, sessionStartsAt: c.starts_at, text: c.comment })) };
  }
}
