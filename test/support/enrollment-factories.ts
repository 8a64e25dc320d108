import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createBranch, createUser, type TestUser } from './identity';
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
export async function insertTeens(app: NestFastifyApplication, n: number, fields: { birthDate?: string; consentStatus?: string } = {}): Promise<Teen[]> {
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

export interface Club {
  branchId: string;
  coordinator: TestUser;
  program: { id: string; [field: string]: unknown };
}

/** A branch with its coordinator and a published program (ages 13–17, next year, enrollment open now). */
export async function publishedProgram(app: NestFastifyApplication, fields: Record<string, unknown> = {}): Promise<Club> {
  const http = app.getHttpServer();
  const branchId = await createBranch(app);
  const coordinator = await createUser(app, 'coordinator', { branchIds: [branchId] });
  const year = new Date().getUTCFullYear() + 1;
  const created = await request(http)
    .post('/v1/programs')
    .set(bearer(coordinator))
    .send({ branchId, title: `Club ${randomUUID().slice(0, 6)}`, level: 'beginner', minAge: 13, maxAge: 17, capacity: 30, startsOn: `${year}-02-01`, endsOn: `${year}-05-31`, ...fields })
    .expect(201);
  const program = (await request(http).post(`/v1/programs/${created.body.id}/publish`).set(bearer(coordinator)).expect(200)).body;
  return { branchId, coordinator, program };
}

/** Enrolls each teen in turn (so their order is the waitlist's) and answers the bodies. */
export async function enrollInTurn(app: NestFastifyApplication, programId: string, teens: Teen[]): Promise<{ id: string; status: string; waitlistPosition: number | null }[]> {
  const bodies = [];
  for (const teen of teens) bodies.push((await request(app.getHttpServer()).post(`/v1/programs/${programId}/enrollments`).set(bearer(teen)).expect(201)).body);
  return bodies;
}

/** The program's counters and its rows, as the database has them. */
export async function seatState(app: NestFastifyApplication, programId: string) {
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
