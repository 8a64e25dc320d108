import { ProblemError } from '@codeshelf/core';
import type { ClearanceGap } from './queries/clearance-state';

/** The other session a double booking met, named so a person can find it. */
export interface ConflictingSession {
  id: string;
  programTitle: string;
  startsAt: Date;
}

const named = (s: ConflictingSession | null) => (s ? `session ${s.id} of “${s.programTitle}” starting ${s.startsAt.toISOString()}` : '(another session)');
const fieldsOf = (s: ConflictingSession | null) => ({
  conflictingSessionId: s?.id ?? null,
  conflictingProgramTitle: s?.programTitle ?? null,
  conflictingStartsAt: s?.startsAt.toISOString() ?? null,
});

export class BranchNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'branch-not-found', 'Branch not found', `No branch ${id}.`);
  }
}

/** A coordinator changing a branch they do not run. Branches are public, so this is a 403, not a 404. */
export class BranchNotYoursError extends ProblemError {
  constructor(id: string) {
    super(403, 'branch-not-yours', 'Not your branch', `Only an admin or a coordinator of branch ${id} may change it.`);
  }
}

export class ProgramNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'program-not-found', 'Program not found', `No program ${id}.`);
  }
}

/** A status change the program's lifecycle (draft → published → archived) does not allow. */
export class ProgramStatusConflictError extends ProblemError {
  constructor(id: string, status: string, action: string) {
    super(409, 'program-status-conflict', 'Not allowed in this status', `Program ${id} is ${status}: it cannot be ${action}.`, { programStatus: status });
  }
}

/** Lowering capacity below the teens already enrolled would oversell; withdraw some first. */
export class CapacityBelowEnrolledError extends ProblemError {
  constructor(id: string, enrolled: number) {
    super(409, 'capacity-below-enrolled', 'Capacity below enrolled', `Program ${id} has ${enrolled} teens enrolled: capacity cannot go below that.`, {
      enrolledCount: enrolled,
      errors: [{ field: 'capacity', code: 'min', message: `capacity must be at least ${enrolled}, the teens enrolled now` }],
    });
  }
}

export class UnknownBranchError extends ProblemError {
  constructor() {
    super(422, 'reference-not-found', 'Unknown branch', 'branchId names a branch that does not exist.', {
      errors: [{ field: 'branchId', code: 'exists', message: 'no such branch' }],
    });
  }
}

export class RoomNameTakenError extends ProblemError {
  constructor(name: string) {
    super(409, 'room-name-taken', 'Room name taken', `The branch already has a room named ${name}.`);
  }
}

export class RoomNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'room-not-found', 'Room not found', `No room ${id} at this branch.`);
  }
}

export class SchoolNameTakenError extends ProblemError {
  constructor(name: string) {
    super(409, 'school-name-taken', 'School name taken', `The branch already has a partner school named ${name}.`);
  }
}

export class SchoolNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'school-not-found', 'School not found', `No partner school ${id} at this branch.`);
  }
}

export class AlreadyClosedError extends ProblemError {
  constructor(date: string) {
    super(409, 'already-closed', 'Already closed', `The branch is already closed on ${date}.`);
  }
}

export class ClosureNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'closure-not-found', 'Closure not found', `No closure ${id} at this branch.`);
  }
}

export class SessionNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'session-not-found', 'Session not found', `No session ${id}.`);
  }
}

/** The room already hosts a scheduled session at that time (the exclusion constraint said so). */
export class RoomConflictError extends ProblemError {
  constructor(conflicting: ConflictingSession | null) {
    super(409, 'room-conflict', 'Room already booked', `The room hosts ${named(conflicting)} at that time.`, fieldsOf(conflicting));
  }
}

export class SessionRuleError extends ProblemError {
  constructor(code: 'session-outside-program' | 'branch-closed' | 'room-not-at-branch', detail: string, field: string) {
    super(422, code, 'Session not possible', detail, { errors: [{ field, code, message: detail }] });
  }
}

export class SessionCancelledError extends ProblemError {
  constructor(id: string) {
    super(409, 'session-cancelled', 'Session cancelled', `Session ${id} is cancelled: it cannot be changed, and it has no attendance.`);
  }
}

export class MentorNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'mentor-not-found', 'Mentor not found', `No mentor ${id}.`);
  }
}

export class MentorNotClearedError extends ProblemError {
  constructor(mentorId: string, date: string, gap: ClearanceGap) {
    super(422, 'mentor-not-cleared', 'Mentor not cleared', `Mentor ${mentorId} is not cleared on ${date}: their ${gap.kind} is ${gap.clearanceStatus}.`, { mentorId, date, ...gap });
  }
}

/** Moving a session to a time its mentor is not cleared on: the coordinator takes the mentor off first. */
export class MentorNotClearedOnMoveError extends ProblemError {
  constructor(sessionId: string, mentorId: string, date: string, gap: ClearanceGap) {
    super(
      409,
      'mentor-not-cleared-on-move',
      'Mentor not cleared on the new date',
      `Session ${sessionId} would fall on ${date}, when its mentor ${mentorId} is not cleared (${gap.kind} ${gap.clearanceStatus}): take the mentor off the session first.`,
      { sessionId, mentorId, date, ...gap },
    );
  }
}

/** The mentor is already in a session at that time (the exclusion constraint said so). */
export class MentorConflictError extends ProblemError {
  constructor(conflicting: ConflictingSession | null) {
    super(409, 'mentor-conflict', 'Mentor already booked', `The mentor is in ${named(conflicting)} at that time.`, fieldsOf(conflicting));
  }
}
