import { enqueueMessage, reschedulePending, skipPending } from '@codeshelf/core';
import type { EntityManager } from 'typeorm';
import type { SessionEntity } from './session.entity';

/** A reminder goes out this long before a session starts (at once for a session sooner than that). */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

const TOPIC = 'session.reminder';
const due = (startsAt: Date) => new Date(startsAt.getTime() - REMINDER_LEAD_MS);

/** The session's reminder: one outbox message, delivered 24 h before it starts. */
export async function scheduleReminder(manager: EntityManager, session: Pick<SessionEntity, 'id' | 'programId' | 'startsAt'>): Promise<void> {
  await enqueueMessage(manager, TOPIC, { sessionId: session.id, programId: session.programId }, due(session.startsAt));
}

/** A moved session's reminder moves with it (if it has not gone out yet). */
export async function moveReminder(manager: EntityManager, session: Pick<SessionEntity, 'id' | 'startsAt'>): Promise<void> {
  await reschedulePending(manager, TOPIC, 'sessionId', session.id, due(session.startsAt));
}

/** Cancelled sessions need no reminder. */
export async function dropReminders(manager: EntityManager, sessionIds: string[]): Promise<void> {
  await skipPending(manager, TOPIC, 'sessionId', sessionIds, 'session cancelled');
}
