import { actorOf } from '@codeshelf/identity';
import { MentorsService, SessionMentorsService, SessionsService } from '@codeshelf/scheduling';
import { type Account, type AppContext, createAccount } from './identity';

const MINUTE = 60_000;

/**
 * A session of the program starting `offsetMinutes` from now (negative: in the past, as a held session is),
 * scheduled through SessionsService by the staff member; answers its id.
 */
export async function scheduleSession(app: AppContext, staff: Account, programId: string, offsetMinutes: number, durationMinutes = 90): Promise<string> {
  const startsAt = new Date(Date.now() + offsetMinutes * MINUTE);
  const endsAt = new Date(startsAt.getTime() + durationMinutes * MINUTE);
  const session = await app
    .get(SessionsService)
    .create(staff.principal, programId, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }, actorOf(staff.principal));
  return session.id;
}

/** Cancels the session through SessionsService (the row stays, marked cancelled). */
export async function cancelSession(app: AppContext, staff: Account, sessionId: string): Promise<void> {
  await app.get(SessionsService).cancel(staff.principal, sessionId, { reason: 'Snow day' }, 'this', actorOf(staff.principal));
}

/**
 * A mentor (a user with the mentor role and their mentor record, cleared for years either side of today),
 * assigned as lead to the sessions given, all through the services by the staff member.
 */
export async function clearedMentor(
  app: AppContext,
  staff: Account,
  sessionIds: string[] = [],
  employerSponsorId?: string,
): Promise<Account & { mentorId: string }> {
  const account = await createAccount(app, 'mentor');
  const mentors = app.get(MentorsService);
  const actor = actorOf(staff.principal);
  const { id: mentorId } = await mentors.create({ userId: account.id, employerSponsorId }, actor);
  const year = new Date().getUTCFullYear();
  await mentors.addClearance(staff.principal, mentorId, { kind: 'background_check', status: 'cleared', validFrom: `${year - 2}-01-01`, expiresOn: `${year + 2}-12-31` }, actor);
  for (const sessionId of sessionIds) await app.get(SessionMentorsService).assign(staff.principal, sessionId, mentorId, 'lead', actor);
  return { ...account, mentorId };
}
