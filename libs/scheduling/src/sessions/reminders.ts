import { OutboxMessageEntity } from '@codeshelf/core';
import type { EntityManager } from 'typeorm';
import type { SessionEntity } from './session.entity';

/** A reminder goes out this long before a session starts (at once for a session sooner than that). */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

const due = (startsAt: Date) => new Date(startsAt.getTime() - REMINDER_LEAD_MS);

/** The session's reminder: one outbox message, delivered 24 h before it starts. */
export async function scheduleReminder(manager: EntityManager, session: Pick<SessionEntity, 'id' | 'programId' | 'startsAt'>): Promise<void> {
  await manager.getRepository(OutboxMessageEntity).insert({ topic: 'session.reminder', payload: { sessionId: session.id, programId: session.programId }, availableAt: due(session.startsAt) });
}

/** A moved session's reminder moves with it (if it has not gone out yet). */
export async function moveReminder(manager: EntityManager, session: Pick<SessionEntity, 'id' | 'startsAt'>): Promise<void> {
  await manager.query(`UPDATE outbox_message SET available_at = $2 WHERE topic = 'session.reminder' AND status = 'pending' AND payload->>'sessionId' = $1`, [
    session.id,
    due(session.startsAt),
  ]);
}

/** Cancelled sessions need no reminder. */
export async function dropReminders(manager: EntityManager, sessionIds: string[]): Promise<void> {
  await manager.query(
    `UPDATE outbox_message SET status = 'skipped', last_error = 'session cancelled' WHERE topic = 'session.reminder' AND status = 'pending' AND payload->>'sessionId' = ANY($1::text[])`,
    [sessionIds],
  );
}
