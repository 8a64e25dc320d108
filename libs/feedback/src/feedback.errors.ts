import { ProblemError } from '@codeshelf/core';

export class NotSeatedAtSessionError extends ProblemError {
  constructor(sessionId: string) {
    super(422, 'not-enrolled', 'Not enrolled', `You held no seat in the program of session ${sessionId} when it took place.`);
  }
}

export class AwayFromSessionError extends ProblemError {
  constructor(sessionId: string) {
    super(422, 'not-at-session', 'Not at the session', `You were recorded absent or excused at session ${sessionId}: only teens who came rate it.`);
  }
}

export class FeedbackWindowError extends ProblemError {
  constructor(opensAt: Date, closesAt: Date, now: Date) {
    super(
      422,
      'feedback-window-closed',
      'Feedback not open',
      now < opensAt ? `Feedback opens at ${opensAt.toISOString()}, when the session ends.` : `Feedback closed at ${closesAt.toISOString()}, 7 days after the session.`,
      { opensAt, closesAt },
    );
  }
}

export class FeedbackGivenError extends ProblemError {
  constructor(sessionId: string) {
    super(409, 'feedback-already-given', 'Feedback already given', `You already rated session ${sessionId}; feedback is given once.`);
  }
}

/** A session or program whose feedback the caller may not read: a 404 that tells nothing about it. */
export class FeedbackNotFoundError extends ProblemError {
  constructor(of: string) {
    super(404, 'feedback-not-found', 'Feedback not found', `No feedback of ${of} that you may read.`);
  }
}
