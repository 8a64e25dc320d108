import { ValidationFailedError } from '@codeshelf/core';
import { DateTime } from 'luxon';
import { EntityManager, QueryFailedError } from 'typeorm';
import { BranchEntity } from '../branches/branch.entity';
import { BranchClosureEntity } from '../closures/branch-closure.entity';
import { ProgramEntity } from '../programs/program.entity';
import { RoomEntity } from '../rooms/room.entity';
import { clearanceGap } from './clearance-state';
import { SessionMentorEntity } from '../mentors/session-mentor.entity';
import {
  type ConflictingSession,
  MentorConflictError,
  MentorNotClearedOnMoveError,
  ProgramNotFoundError,
  ProgramStatusConflictError,
  RoomConflictError,
  SessionNotFoundError,
  SessionRuleError,
} from '../scheduling.errors';
import { moveReminder, scheduleReminder } from '../sessions/reminders';
import { SessionEntity } from '../sessions/session.entity';

/** The program a session belongs to, locked, with its branch (whose zone dates are read in). */
export async function lockProgramWithBranch(manager: EntityManager, programId: string): Promise<{ program: ProgramEntity; branch: BranchEntity }> {
  const program = await manager.getRepository(ProgramEntity).findOne({ where: { id: programId }, lock: { mode: 'pessimistic_write' } });
  if (!program) throw new ProgramNotFoundError(programId);
  const branch = await manager.getRepository(BranchEntity).findOneByOrFail({ id: program.branchId });
  return { program, branch };
}

/**
 * A session and its program, both locked, program first (the order every write takes), so that a
 * cancel and an assignment of the same session never act on a stale copy.
 */
export async function lockSessionWithProgram(
  manager: EntityManager,
  sessionId: string,
): Promise<{ session: SessionEntity; program: ProgramEntity; branch: BranchEntity }> {
  const found = await manager.getRepository(SessionEntity).findOneBy({ id: sessionId });
  if (!found) throw new SessionNotFoundError(sessionId);
  const { program, branch } = await lockProgramWithBranch(manager, found.programId);
  const session = await manager.getRepository(SessionEntity).findOneOrFail({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
  return { session, program, branch };
}

export function assertSchedulable(program: ProgramEntity): void {
  if (program.status === 'archived') throw new ProgramStatusConflictError(program.id, program.status, 'given sessions');
}

export async function assertRoomAtBranch(manager: EntityManager, roomId: string | null | undefined, branchId: string, field = 'roomId'): Promise<void> {
  if (roomId && !(await manager.getRepository(RoomEntity).existsBy({ id: roomId, branchId }))) {
    throw new SessionRuleError('room-not-at-branch', 'roomId must be a room of the program’s branch', field);
  }
}

/** A single session: after it starts, on a local date inside the program, on a day the branch is open. */
export async function assertSessionFits(manager: EntityManager, program: ProgramEntity, branch: BranchEntity, startsAt: Date, endsAt: Date): Promise<void> {
  if (endsAt <= startsAt) throw new ValidationFailedError([{ field: 'endsAt', code: 'dateOrder', message: 'endsAt must be after startsAt' }]);
  const date = DateTime.fromJSDate(startsAt, { zone: branch.timezone }).toISODate()!;
  if (date < program.startsOn || date > program.endsOn) {
    throw new SessionRuleError('session-outside-program', `${date} is outside the program (${program.startsOn} to ${program.endsOn})`, 'startsAt');
  }
  const closure = await manager.getRepository(BranchClosureEntity).findOneBy({ branchId: branch.id, date });
  if (closure) throw new SessionRuleError('branch-closed', `The branch is closed on ${date}: ${closure.reason}`, 'startsAt');
}

/**
 * A session moving to `startsAt` keeps its mentors only if each is cleared on the new local date, by the
 * same rule as assigning them; otherwise a 409 names the mentor and the clearance (refused, never unassigned
 * behind the coordinator's back).
 */
export async function assertMentorsClearedOn(manager: EntityManager, sessionId: string, branch: BranchEntity, startsAt: Date): Promise<void> {
  const date = DateTime.fromJSDate(startsAt, { zone: branch.timezone }).toISODate()!;
  const mentors = await manager.getRepository(SessionMentorEntity).find({ where: { sessionId, active: true }, order: { mentorId: 'ASC' } });
  for (const { mentorId } of mentors) {
    const gap = await clearanceGap(manager, mentorId, date);
    if (gap) throw new MentorNotClearedOnMoveError(sessionId, mentorId, date, gap);
  }
}

/** The scheduled session already in `roomId` during [startsAt, endsAt), if any. */
export async function sessionInRoom(manager: EntityManager, roomId: string, startsAt: Date, endsAt: Date): Promise<string | null> {
  const found = await manager
    .getRepository(SessionEntity)
    .createQueryBuilder('s')
    .select('s.id', 'id')
    .where(`s.roomId = :roomId AND s.status = 'scheduled' AND tstzrange(s.startsAt, s.endsAt) && tstzrange(:startsAt, :endsAt)`, { roomId, startsAt, endsAt })
    .getRawOne<{ id: string }>();
  return found?.id ?? null;
}

/**
 * Another active session, overlapping [startsAt, endsAt), of `mentorId` — or of any mentor of
 * `sessionId` when no mentor is named. The 409s of both exclusion constraints name it.
 */
export async function mentorBusyElsewhere(
  manager: EntityManager,
  sessionId: string,
  startsAt: Date,
  endsAt: Date,
  mentorId?: string,
): Promise<string | null> {
  const [row] = await manager.query(
    `SELECT other.session_id FROM session_mentor other
      WHERE other.active AND other.session_id <> $1 AND tstzrange(other.starts_at, other.ends_at) && tstzrange($2, $3)
        AND (other.mentor_id = $4::uuid OR ($4::uuid IS NULL AND other.mentor_id IN (SELECT mentor_id FROM session_mentor WHERE session_id = $1)))
      LIMIT 1`,
    [sessionId, startsAt, endsAt, mentorId ?? null],
  );
  return row?.session_id ?? null;
}

/** The session a 409 names: its id, its program's title and its start, or null if it is gone. */
export async function conflictingSession(manager: EntityManager, sessionId: string | null): Promise<ConflictingSession | null> {
  if (!sessionId) return null;
  const [row] = await manager.query(`SELECT s.id, p.title, s.starts_at FROM session s JOIN program p ON p.id = s.program_id WHERE s.id = $1`, [sessionId]);
  return row ? { id: row.id, programTitle: row.title, startsAt: row.starts_at } : null;
}

/** Saves new times and room, and moves its mentors' copies of the times; either exclusion constraint is a 409. */
export async function moveSession(manager: EntityManager, session: SessionEntity): Promise<void> {
  try {
    await manager.query('SAVEPOINT session_move');
    await manager.getRepository(SessionEntity).save(session);
    await manager.getRepository(SessionMentorEntity).update({ sessionId: session.id }, { startsAt: session.startsAt, endsAt: session.endsAt });
    await moveReminder(manager, session);
    await manager.query('RELEASE SAVEPOINT session_move');
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT session_move');
    const { code, constraint } = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? {};
    if (code !== '23P01') throw error;
    if (constraint === 'session_mentor_no_overlap') throw new MentorConflictError(await conflictingSession(manager, await mentorBusyElsewhere(manager, session.id, session.startsAt, session.endsAt)));
    throw new RoomConflictError(await conflictingSession(manager, session.roomId ? await sessionInRoom(manager, session.roomId, session.startsAt, session.endsAt) : null));
  }
}

/**
 * Inserts a session. The room's exclusion constraint turns a double booking into a 409 naming the other
 * session; a savepoint keeps the transaction usable to look that session up.
 */
export async function insertSession(manager: EntityManager, session: SessionEntity): Promise<void> {
  const conflict = await tryInsertSession(manager, session);
  if (conflict !== undefined) throw new RoomConflictError(await conflictingSession(manager, conflict));
}

/** Inserts a session, or answers the id of the session already in its room (null if it is gone). */
export async function tryInsertSession(manager: EntityManager, session: SessionEntity): Promise<string | null | undefined> {
  await manager.query('SAVEPOINT session_insert');
  try {
    await manager.getRepository(SessionEntity).insert(session);
    await scheduleReminder(manager, session);
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
