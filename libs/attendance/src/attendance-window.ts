import type { SessionContext } from '@codeshelf/scheduling';

/** When a session's attendance opens, for self check-in and roll call alike: a while before it starts. */
export const attendanceOpensAt = (session: Pick<SessionContext, 'startsAt'>, minutesBefore: number) => new Date(session.startsAt.getTime() - minutesBefore * 60_000);
