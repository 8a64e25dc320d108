import { type EnrollmentDto, EnrollmentsService } from '@codeshelf/enrollment';
import { actorOf } from '@codeshelf/identity';
import { type ProgramDto, ProgramsService } from '@codeshelf/scheduling';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type Account, type AppContext, bearer, createAccount, createBranch, createUser, principalOf, type TestUser } from './identity';
import { birthDateForAge } from './people-factories';

export interface Teen {
  participantId: string;
  userId: string;
  token: string;
}

/**
 * `n` teens with logins and granted consent, written in two statements and handed tokens signed by the
 * app's own JwtService (what a login would give them), so a test can have hundreds without hashing passwords.
 */
export async function insertTeens(app: AppContext, n: number, fields: { birthDate?: string; consentStatus?: string } = {}): Promise<Teen[]> {
  const jwt = app.get(JwtService, { strict: false });
  return insertTeensInto(app.get(DataSource), (payload) => jwt.signAsync(payload), n, fields);
}

/** insertTeens on any database (a test's own server, say), tokens signed by `sign`. */
export async function insertTeensInto(
  db: { query(sql: string, parameters: unknown[]): Promise<any> },
  sign: (payload: { sub: string; role: 'participant' }) => Promise<string>,
  n: number,
  fields: { birthDate?: string; consentStatus?: string } = {},
): Promise<Teen[]> {
  const tag = randomUUID().slice(0, 8);
  const users: { id: string }[] = await db.query(
    `INSERT INTO user_account (email, password_hash, role, display_name)
     SELECT 'teen-' || $1 || '-' || i || '@test.codeshelf.invalid', 'not-a-hash', 'participant', 'Teen ' || i FROM generate_series(1, $2) i
     RETURNING id`,
    [tag, n],
  );
  const ids = users.map((u) => u.id);
  const participants: { id: string; user_id: string }[] = await db.query(
    `INSERT INTO participant (first_name, last_name, birth_date, guardian_name, guardian_email, consent_status, consent_granted_at, user_id)
     SELECT 'Teen', 'Number ' || ord, $2::date, 'Guardian', 'guardian-' || ord || '@test.codeshelf.invalid', $3, CASE WHEN $3 = 'granted' THEN now() END, u
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, ord)
     RETURNING id, user_id`,
    [ids, fields.birthDate ?? birthDateForAge(15), fields.consentStatus ?? 'granted'],
  );
  const byUser = new Map(participants.map((p) => [p.user_id, p.id]));
  return Promise.all(ids.map(async (userId) => ({ userId, participantId: byUser.get(userId)!, token: await sign({ sub: userId, role: 'participant' }) })));
}

type CreateProgramDto = Parameters<ProgramsService['create']>[1];

export interface Club {
  branchId: string;
  coordinator: TestUser;
  program: { id: string; [field: string]: unknown };
}

/** A published program's fields (ages 13–17, next year, enrollment open now), with `fields` over them. */
function programFields(branchId: string, fields: Record<string, unknown>): CreateProgramDto {
  const year = new Date().getUTCFullYear() + 1;
  return { branchId, title: `Club ${randomUUID().slice(0, 6)}`, level: 'beginner', minAge: 13, maxAge: 17, capacity: 30, startsOn: `${year}-02-01`, endsOn: `${year}-05-31`, ...fields };
}

/** A branch with its coordinator and a published program (ages 13–17, next year, enrollment open now). */
export async function publishedProgram(app: NestFastifyApplication, fields: Record<string, unknown> = {}): Promise<Club> {
  const http = app.getHttpServer();
  const branchId = await createBranch(app);
  const coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
  const created = await request(http).post('/v1/programs').set(bearer(coordinator)).send(programFields(branchId, fields)).expect(201);
  const program = (await request(http).post(`/v1/programs/${created.body.id}/publish`).set(bearer(coordinator)).expect(200)).body;
  return { branchId, coordinator, program };
}

/** publishedProgram made through ProgramsService by the coordinator's principal, for tests without HTTP. */
export async function publishedProgramViaServices(
  app: AppContext,
  fields: Partial<CreateProgramDto> = {},
): Promise<{ branchId: string; coordinator: Account; program: ProgramDto }> {
  const branchId = await createBranch(app);
  const coordinator = await createAccount(app, 'coordinator', { branchIds: [branchId] });
  const programs = app.get(ProgramsService);
  const actor = actorOf(coordinator.principal);
  const created = await programs.create(coordinator.principal, programFields(branchId, fields), actor);
  return { branchId, coordinator, program: await programs.step(coordinator.principal, created.id, 'publish', actor) };
}

/** Enrolls each teen in turn (so their order is the waitlist's) and answers the bodies. */
export async function enrollInTurn(app: NestFastifyApplication, programId: string, teens: Teen[]): Promise<{ id: string; status: string; waitlistPosition: number | null }[]> {
  const bodies = [];
  for (const teen of teens) bodies.push((await request(app.getHttpServer()).post(`/v1/programs/${programId}/enrollments`).set(bearer(teen)).expect(201)).body);
  return bodies;
}

/** enrollInTurn through EnrollmentsService, each teen enrolling themself with their own principal. */
export async function enrollInTurnViaServices(app: AppContext, programId: string, teens: Teen[]): Promise<EnrollmentDto[]> {
  const enrollments = app.get(EnrollmentsService);
  const placed = [];
  for (const teen of teens) {
    const principal = (await principalOf(app, teen.userId))!;
    placed.push(await enrollments.enroll(principal, programId, {}, actorOf(principal)));
  }
  return placed;
}

/** Moves the teens' seats back to `daysAgo` (a seat is never taken in the past through the services). */
export async function backdateEnrollments(app: AppContext, programId: string, teens: Teen[], daysAgo: number): Promise<void> {
  await app.get(DataSource).query(`UPDATE enrollment SET enrolled_at = now() - make_interval(days => $3) WHERE program_id = $1 AND participant_id = ANY($2::uuid[])`, [
    programId,
    teens.map((t) => t.participantId),
    daysAgo,
  ]);
}

/** The program's counters and its rows, as the database has them. */
export async function seatState(app: AppContext, programId: string) {
  const db = app.get(DataSource);
  const [program] = await db.query(`SELECT capacity, enrolled_count, waitlisted_count FROM program WHERE id = $1`, [programId]);
  const rows: { participant_id: string; status: string; waitlist_position: number | null; created_at: Date }[] = await db.query(
    `SELECT participant_id, status, waitlist_position, created_at FROM enrollment WHERE program_id = $1 ORDER BY created_at`,
    [programId],
  );
  const positions = rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlist_position!).sort((a, b) => a - b);
  return {
    capacity: program.capacity as number,
    enrolledCount: program.enrolled_count as number,
    waitlistedCount: program.waitlisted_count as number,
    enrolled: rows.filter((r) => r.status === 'enrolled'),
    waitlisted: rows.filter((r) => r.status === 'waitlisted').sort((a, b) => a.waitlist_position! - b.waitlist_position!),
    positions,
  };
}
