import { MIN_COMMENTERS } from './dto/feedback.dto';

/** A session's ratings, as counted by the database. */
export interface SessionRatings {
  sessionId: string;
  /** Counts of ratings 1 to 5, in that order. */
  counts: number[];
  commenters: number;
}

export interface RatingSummary {
  count: number;
  average: number | null;
  distribution: { rating: number; count: number }[];
  commentCount: number;
  commentsHeldBack: boolean;
  /** The sessions whose comments may be shown: those at least MIN_COMMENTERS teens commented on. */
  shownSessionIds: string[];
}

export const averageOf = (counts: number[]): number | null => {
  const n = counts.reduce((a, b) => a + b, 0);
  return n ? Math.round((counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n) * 100) / 100 : null;
};

/**
 * Sums sessions' ratings. Comments are held back per session, never per program: a program's view shows only
 * comments its sessions' views show, so no two views together tell more than either alone.
 */
export function summarize(sessions: SessionRatings[]): RatingSummary {
  const counts = [0, 1, 2, 3, 4].map((i) => sessions.reduce((sum, s) => sum + s.counts[i], 0));
  const shown = sessions.filter((s) => s.commenters >= MIN_COMMENTERS);
  return {
    count: counts.reduce((a, b) => a + b, 0),
    average: averageOf(counts),
    distribution: counts.map((count, i) => ({ rating: i + 1, count })),
    commentCount: sessions.reduce((sum, s) => sum + s.commenters, 0),
    commentsHeldBack: sessions.some((s) => s.commenters > 0 && s.commenters < MIN_COMMENTERS),
    shownSessionIds: shown.map((s) => s.sessionId),
  };
}
