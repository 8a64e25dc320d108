/**
 * The suite's data: a fresh database loaded by the large seed (as its own process), then what each scenario
 * needs on top of it, written straight with SQL, and the seat checks of the enrollment rush.
 */
import { JwtService } from '@nestjs/jwt';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { ROOT } from './support';

/** Runs `npm run seed -- --scale large` as a developer would; answers the seconds it took. */
export function seedLarge(databaseUrl: string, programs: number): Promise<number> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), 'scripts/seed.ts', '--scale', 'large', '--programs', String(programs)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? done((Date.now() - started) / 1000) : fail(new Error(`the large seed exited with ${code}`))));
  });
}

export interface Fixtures {
  branchId: string;
  /** Scenario 2: a program of the branch with the most sessions, and its lead mentor's token. */
  programId: string;
  mentorToken: string;
  /** Scenario 4: sessions going on now, each with 30 seated teens, and a coordinator of every branch. */
  rollCalls: { sessionId: string; body: string }[];
  coordinatorToken: string;
  /** Scenario 5: the sponsor with the median number of sponsored programs, and its user's token. */
  sponsorId: string;
  sponsorPrograms: number;
  sponsorToken: string;
}

async function user(db: Pool, role: string, sponsorId: string | null = null): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO user_account (email, password_hash, role, display_name, sponsor_id) VALUES ($1, 'not-a-hash', $2, 'Bench ' || $2, $3) RETURNING id`,
    [`bench-${role}-${randomBytes(4).toString('hex')}@bench.codeshelf.invalid`, role, sponsorId],
  );
  return rows[0].id;
}

export async function makeFixtures(db: Pool, jwt: JwtService, rollCallSessions: number): Promise<Fixtures> {
  const sign = (sub: string, role: string) => jwt.sign({ sub, role });
  const [branch] = (await db.query<{ branch_id: string }>(`SELECT branch_id FROM program WHERE status = 'published' GROUP BY branch_id ORDER BY count(*) DESC, branch_id LIMIT 1`)).rows;
  const [program] = (
    await db.query<{ program_id: string; user_id: string }>(
      `SELECT s.program_id, m.user_id FROM session s JOIN program p ON p.id = s.program_id
         JOIN session_mentor sm ON sm.session_id = s.id AND sm.role = 'lead' JOIN mentor m ON m.id = sm.mentor_id
        WHERE p.branch_id = $1 AND p.status = 'published' GROUP BY s.program_id, m.user_id ORDER BY count(*) DESC, s.program_id LIMIT 1`,
      [branch.branch_id],
    )
  ).rows;

  const coordinator = await user(db, 'coordinator');
  await db.query(`INSERT INTO coordinator_branch (user_id, branch_id) SELECT $1, id FROM branch`, [coordinator]);
  // A session going on now in each of several running programs, out of any room (no overlap to avoid).
  const { rows: sessions } = await db.query<{ id: string; program_id: string }>(
    `INSERT INTO session (program_id, starts_at, ends_at, topic)
     SELECT p.id, now() - interval '5 minutes', now() + interval '85 minutes', 'Bench roll call' FROM program p
      WHERE p.status = 'published' AND p.starts_on <= current_date AND p.ends_on >= current_date AND p.enrolled_count >= 30
      ORDER BY p.id LIMIT $1 RETURNING id, program_id`,
    [rollCallSessions],
  );
  if (sessions.length < rollCallSessions) throw new Error(`only ${sessions.length} programs run today with 30 seated teens`);
  const rollCalls = [];
  for (const s of sessions) {
    const { rows: teens } = await db.query<{ participant_id: string }>(
      `SELECT participant_id FROM enrollment WHERE program_id = $1 AND status = 'enrolled' ORDER BY participant_id LIMIT 30`,
      [s.program_id],
    );
    const records = teens.map((t, i) => ({ participantId: t.participant_id, status: i % 7 === 0 ? 'absent' : i % 5 === 0 ? 'late' : 'present' }));
    rollCalls.push({ sessionId: s.id, body: JSON.stringify({ records }) });
  }

  const { rows: bySponsor } = await db.query<{ sponsor_id: string; n: number }>(`SELECT sponsor_id, count(*)::int AS n FROM sponsorship GROUP BY sponsor_id ORDER BY n, sponsor_id`);
  const sponsor = bySponsor[Math.floor(bySponsor.length / 2)];
  const sponsorUser = await user(db, 'sponsor', sponsor.sponsor_id);
  return {
    branchId: branch.branch_id,
    programId: program.program_id,
    mentorToken: sign(program.user_id, 'mentor'),
    rollCalls,
    coordinatorToken: sign(coordinator, 'coordinator'),
    sponsorId: sponsor.sponsor_id,
    sponsorPrograms: sponsor.n,
    sponsorToken: sign(sponsorUser, 'sponsor'),
  };
}

export interface Teen {
  userId: string;
  participantId: string;
}

/** A birth date that makes the teen 15 today (16 on the program's first day, within 13–17). */
function birthDateForAge(age: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate() - 30)).toISOString().slice(0, 10);
}

/** `n` teens with logins and granted consent, in two statements (as test/support/enrollment-factories.ts). */
export async function insertTeens(db: Pool, n: number): Promise<Teen[]> {
  const tag = randomBytes(4).toString('hex');
  const users = await db.query<{ id: string }>(
    `INSERT INTO user_account (email, password_hash, role, display_name)
     SELECT 'teen-' || $1 || '-' || i || '@bench.codeshelf.invalid', 'not-a-hash', 'participant', 'Teen ' || i FROM generate_series(1, $2) i
     RETURNING id`,
    [tag, n],
  );
  const ids = users.rows.map((u) => u.id);
  const participants = await db.query<{ id: string; user_id: string }>(
    `INSERT INTO participant (first_name, last_name, birth_date, guardian_name, guardian_email, consent_status, consent_granted_at, user_id)
     SELECT 'Teen', 'Number ' || ord, $2::date, 'Guardian', 'guardian-' || $3 || '-' || ord || '@bench.codeshelf.invalid', 'granted', now(), u
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, ord)
     RETURNING id, user_id`,
    [ids, birthDateForAge(15), tag],
  );
  const byUser = new Map(participants.rows.map((p) => [p.user_id, p.id]));
  return ids.map((userId) => ({ userId, participantId: byUser.get(userId)! }));
}

/** A published program of `seats` seats with a waitlist, next year, enrollment open now. */
export async function insertProgram(db: Pool, branchId: string, seats: number, title: string): Promise<string> {
  const year = new Date().getUTCFullYear() + 1;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO program (branch_id, title, level, min_age, max_age, capacity, starts_on, ends_on, status, published_at)
     VALUES ($1, $2, 'beginner', 13, 17, $3, $4, $5, 'published', now()) RETURNING id`,
    [branchId, title, seats, `${year}-02-01`, `${year}-05-31`],
  );
  return rows[0].id;
}

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

/** Rules 1 and 2 after a rush: seats filled exactly, the rest waitlisted at 1..n, the counters true. */
export async function seatChecks(db: Pool, programId: string, teens: number, seats: number): Promise<Check[]> {
  const { rows } = await db.query(
    `SELECT p.capacity, p.enrolled_count, p.waitlisted_count,
            count(e.id) FILTER (WHERE e.status = 'enrolled')::int AS enrolled,
            count(e.id) FILTER (WHERE e.status = 'waitlisted')::int AS waitlisted,
            count(e.id) FILTER (WHERE e.status NOT IN ('enrolled', 'waitlisted'))::int AS other,
            min(e.waitlist_position) AS min_pos, max(e.waitlist_position) AS max_pos,
            count(DISTINCT e.waitlist_position)::int AS distinct_pos
       FROM program p LEFT JOIN enrollment e ON e.program_id = p.id
      WHERE p.id = $1 GROUP BY p.id`,
    [programId],
  );
  const s = rows[0];
  const waitlist = teens - seats;
  return [
    {
      name: 'enrolled rows = capacity = enrolled_count',
      pass: s.enrolled === seats && s.capacity === seats && s.enrolled_count === seats,
      detail: `rows ${s.enrolled}, capacity ${s.capacity}, enrolled_count ${s.enrolled_count}`,
    },
    {
      name: 'waitlisted rows = teens - seats = waitlisted_count',
      pass: s.waitlisted === waitlist && s.waitlisted_count === waitlist && s.other === 0,
      detail: `rows ${s.waitlisted}, expected ${waitlist}, waitlisted_count ${s.waitlisted_count}, other rows ${s.other}`,
    },
    {
      name: 'waitlist positions exactly 1..n',
      pass: waitlist === 0 ? s.min_pos === null : s.min_pos === 1 && s.max_pos === waitlist && s.distinct_pos === waitlist,
      detail: `min ${s.min_pos}, max ${s.max_pos}, distinct ${s.distinct_pos}`,
    },
  ];
}
