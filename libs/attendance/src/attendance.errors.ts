import { type FieldErrorDto, ProblemError } from '@codeshelf/core';


export class NotYourSessionError extends ProblemError {
  constructor(id: string) {
    super(403, 'not-your-session', 'Not your session', `Only the staff of the branch and the mentors of session ${id} take its attendance.`);
  }
}


/** Roll call naming someone who holds no seat in the program (or only a waitlist place): nothing is written. */
export class NotEnrolledError extends ProblemError {
  constructor(errors: FieldErrorDto[], participantIds: string[]) {
    super(422, 'not-enrolled', 'Not enrolled', `${participantIds.length} of the teens named hold no seat in this program; nothing was recorded.`, { errors, participantIds });
  }
}

export class MentorNotAssignedError extends ProblemError {
  constructor(errors: FieldErrorDto[]) {
    super(422, 'mentor-not-assigned', 'Mentor not assigned', 'Only mentors assigned to the session are recorded in its roll call; nothing was recorded.', { errors });
  }
}

export class CheckInWindowError extends ProblemError {
  constructor(opensAt: Date, closesAt: Date, now: Date) {
    super(422, 'check-in-window-closed', 'Check-in not open', now < opensAt ? `Check-in opens at ${opensAt.toISOString()}.` : `Check-in closed at ${closesAt.toISOString()}, when the session ended.`, {
      opensAt,
      closesAt,
    });
  }
}

export class CheckInCodeInvalidError extends ProblemError {
  constructor(attemptsLeft: number) {
    super(422, 'check-in-code-invalid', 'Wrong or expired code', 'That is not the session’s current code; ask the mentor for the one on the screen.', {
      attemptsLeft,
      errors: [{ field: 'code', code: 'isCurrentCode', message: 'not the current check-in code' }],
    });
  }
}

export class CheckInLockedError extends ProblemError {
  constructor(retryAfterSeconds: number) {
    super(429, 'check-in-locked', 'Too many wrong codes', 'Too many wrong codes for this session; try again later or ask the mentor to mark you present.', {
      retryAfterSeconds,
    });
  }
}

export class NotEnrolledInSessionError extends ProblemError {
  constructor(sessionId: string) {
    super(422, 'not-enrolled', 'Not enrolled', `You hold no seat in the program of session ${sessionId}.`);
  }
}



export class RollCallNotOpenError extends ProblemError {
  constructor(opensAt: Date) {
    super(409, 'roll-call-not-open', 'Session not begun', `Attendance for this session can be recorded from ${opensAt.toISOString()}.`, { opensAt });
  }
}
