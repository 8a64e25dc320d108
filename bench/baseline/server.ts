/**
 * The raw baseline the API is measured against ("the physical limit"): fastify + pg, no Nest, no ORM, no
 * validation, a pool of DB_POOL_SIZE with the API's timeouts, answering the benchmark's routes with the
 * statements the API sends for them, in the same order. Where the API's SQL is a shared constant or function it
 * is imported (catalogue, sessions page, ENROLL, sessionContext, teens' names, measure), so the two cannot
 * drift; the rest is written out below as the API's code (or TypeORM for it) sends it. The bearer token's `sub`
 * is read without checking the signature: the baseline does the API's database work, not its security. Started
 * by bench/run.ts in a process of its own.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { sessionContext } from '../../libs/scheduling/src/queries/session-context';
import { ENROLL } from '../../libs/enrollment/src/queries/seats';
import { PARTICIPANT_NAMES } from '../../libs/people/src/queries/participant-names';
import { measure } from '../../libs/reporting/src/measures';
import { catalogueQuery, PROGRAM_VISIBILITY } from '../../libs/scheduling/src/queries/program-reads';
import { programSessionsQuery } from '../../libs/scheduling/src/queries/session-reads';

const env = process.env;
const pool = new Pool({
  connectionString: env.DATABASE_URL,
  max: Number(env.DB_POOL_SIZE ?? 10),
  connectionTimeoutMillis: 5_000,
  statement_timeout: 15_000,
  query_timeout: 20_000,
  lock_timeout: 5_000,
  idle_in_transaction_session_timeout: 30_000,
  application_name: 'codeshelf-baseline',
});
const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> => (await pool.query(sql, params)).rows as T[];
/** What the libs' query functions need of an EntityManager: `query` straight to the pool, and `transaction`. */
const manager = {
  query: (sql: string, params: unknown[]) => rows(sql, params),
  // measure() asks for its isolation level first, as EntityManager.transaction takes it.
  transaction: async <T>(isolation: 'REPEATABLE READ', work: (tx: EntityManager) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as EntityManager);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  },
} as unknown as EntityManager;

// libs/identity users.service.ts findPrincipal: loaded on every authenticated request.
const PRINCIPAL = `SELECT u.id, u.role, u.display_name, u.sponsor_id,
              COALESCE(array_agg(cb.branch_id) FILTER (WHERE cb.branch_id IS NOT NULL), '{}') AS branch_ids
         FROM user_account u LEFT JOIN coordinator_branch cb ON cb.user_id = u.id
        WHERE u.id = $1 AND NOT u.disabled
        GROUP BY u.id`;
// RollCallService.record, then its read of the sheet.
const ROLL_CALL = {
  lock: `SELECT status FROM session WHERE id = $1 FOR SHARE`,
  seated: `SELECT participant_id FROM enrollment WHERE program_id = $1 AND participant_id = ANY($2::uuid[]) AND status IN ('enrolled', 'completed') AND enrolled_at < $3`,
  before: `SELECT participant_id, status, note FROM attendance WHERE session_id = $1 AND participant_id = ANY($2::uuid[]) FOR UPDATE`,
  upsert: `INSERT INTO attendance (session_id, participant_id, status, note, method, recorded_by)
       SELECT $1, participant_id, status, note, 'roll_call', $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(participant_id, status, note)
       ON CONFLICT (session_id, participant_id) DO UPDATE
          SET status = EXCLUDED.status, note = EXCLUDED.note, method = 'roll_call', recorded_by = EXCLUDED.recorded_by, updated_at = now()`,
  roster: `WITH roster AS (SELECT participant_id FROM enrollment WHERE program_id = $2 AND status IN ('enrolled', 'completed')
                       UNION SELECT participant_id FROM attendance WHERE session_id = $1)
       SELECT r.participant_id, a.status, a.note, a.method, a.checked_in_at FROM roster r
         LEFT JOIN attendance a ON a.session_id = $1 AND a.participant_id = r.participant_id`,
  mentors: `SELECT sm.mentor_id AS "mentorId", u.display_name AS "displayName", sm.role, ma.status
         FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN user_account u ON u.id = m.user_id
         LEFT JOIN mentor_attendance ma ON ma.session_id = sm.session_id AND ma.mentor_id = sm.mentor_id
        WHERE sm.session_id = $1 ORDER BY sm.role DESC, u.display_name`,
};
// ReportsService.outcomes: the sponsor (findOneBy), its sponsorships, then measure().
const SPONSOR = `SELECT * FROM "sponsor" WHERE "id" = $1 LIMIT 1`;
const SPONSORED = `SELECT DISTINCT program_id FROM sponsorship WHERE sponsor_id = $1 AND ($2::date IS NULL OR ends_on >= $2) AND ($3::date IS NULL OR starts_on <= $3) ORDER BY program_id`;

/** The user id in a bearer token, unverified. */
function userOf(authorization: string | undefined): string {
  const payload = (authorization ?? '').split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string }).sub;
}
const principal = async (authorization: string | undefined) => (await rows(PRINCIPAL, [userOf(authorization)]))[0];

const app = Fastify({ logger: false });

// ProgramsService.list for an anonymous caller with branchId, a page of 50.
app.get<{ Querystring: { branchId: string } }>('/v1/programs', async (request) => {
  const { text, values } = catalogueQuery({ all: false, anyStatusAt: [] }, { branchId: request.query.branchId, limit: 50 });
  return { items: (await rows(text, values)).slice(0, 50) };
});

// SessionsService.list: who may see the program, then a page of its sessions.
app.get<{ Params: { id: string } }>('/v1/programs/:id/sessions', async (request) => {
  await principal(request.headers.authorization);
  await rows(PROGRAM_VISIBILITY, [request.params.id]);
  const { text, values } = programSessionsQuery(request.params.id, { limit: 50 });
  return { items: (await rows(text, values)).slice(0, 50) };
});

// The enrollment transaction alone (one statement), for the participant the benchmark names.
app.post<{ Params: { id: string } }>('/v1/programs/:id/enrollments', async (request, reply) => {
  const [placed] = await rows(ENROLL, [request.params.id, request.headers['x-participant-id'], 'self', userOf(request.headers.authorization), 'user', null]);
  return reply.code(201).send(placed);
});

app.put<{ Params: { id: string }; Body: { records: { participantId: string; status: string; note?: string }[] } }>('/v1/sessions/:id/attendance', async (request) => {
  const who = await principal(request.headers.authorization);
  const session = await sessionContext(manager, request.params.id);
  const ids = request.body.records.map((r) => r.participantId);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(ROLL_CALL.lock, [session.id]);
    await client.query(ROLL_CALL.seated, [session.programId, ids, session.endsAt]);
    await client.query(ROLL_CALL.before, [session.id, ids]);
    await client.query(ROLL_CALL.upsert, [session.id, ids, request.body.records.map((r) => r.status), request.body.records.map((r) => r.note ?? null), who.id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  const marks = await rows<{ participant_id: string }>(ROLL_CALL.roster, [session.id, session.programId]);
  const people = await rows(PARTICIPANT_NAMES, [marks.map((m) => m.participant_id)]);
  const mentors = await rows(ROLL_CALL.mentors, [session.id]);
  return { sessionId: session.id, teens: marks, people, mentors };
});

app.get<{ Params: { id: string } }>('/v1/reports/sponsors/:id/outcomes', async (request) => {
  await principal(request.headers.authorization);
  await rows(SPONSOR, [request.params.id]);
  const programIds = (await rows<{ program_id: string }>(SPONSORED, [request.params.id, null, null])).map((r) => r.program_id);
  return measure(manager, { programIds, from: '-infinity', to: 'infinity', sponsorId: request.params.id });
});

app.get('/health/ready', async () => ({ status: 'ok' }));

app.listen({ port: Number(env.PORT), host: '127.0.0.1' }).catch((error) => {
  console.error(error);
  process.exit(1);
});
