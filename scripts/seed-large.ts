import { hash } from '@node-rs/argon2';
import type { INestApplicationContext } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { DataSource, type QueryRunner } from 'typeorm';

/*
 * npm run seed -- --scale large: a large, realistic library for the reporting benchmark, loaded with set-based
 * SQL only (INSERT … SELECT over generate_series, in one transaction): nothing is inserted row by row from here.
 *
 * What it makes (defaults; `--programs N`, 10 to 600, changes the number of programs and with it sessions, mentors
 * and attendance). With 200 programs of 60–120 seats and about 30 sessions each, a roll call of every seated teen
 * at every held session comes to about 330,000 attendance rows (a 2-core machine: about 20 s in all);
 * `--programs 600` makes about 18,000 sessions and 1.05 M attendance rows (about 50 s):
 *   50 sponsors, 10 branches in 5 IANA zones (2 rooms each), 200 published programs starting over the last 12
 *   months (90 %) and the next 2 (10 %), about 30 weekly 90-minute sessions each (about 3 % cancelled), 20,000
 *   teens with logins and granted consent, every program filled to capacity plus withdrawals and a FIFO waitlist,
 *   a roll call for every enrolled teen at every held session, 300 mentors (one lead per program, ten rotating
 *   assistants per branch) with clearances, assignments and their own attendance, about 4 programs sponsored
 *   per sponsor, and 2 internships per sponsor with applications from eligible teens.
 *
 * Every random choice comes from random() after setseed(0.42), and every id is derived from a name (md5, shaped as
 * a v4 uuid), so two runs on empty databases make the same rows. Every account's password is `codeshelf-demo`.
 *
 * How the rules hold without application code:
 *   - rooms and mentors never overlap: program j of a branch gets its own (weekday, local time, room) slot — six
 *     weekdays × two 90-minute slots two hours apart × rooms — so two programs of one branch never meet at the same
 *     time; a lead mentor serves one program and an assistant serves only the programs of one branch.
 *   - counters: program.enrolled_count/waitlisted_count are set from the rows before the commit, where the deferred
 *     trigger `enrollment_counts_match` checks them; waitlist positions are row_number() over the arrival time.
 *   - attendance: only for teens who got a seat (enrolled, or withdrawn: the sessions before they left) at held
 *     sessions (scheduled, started) that ended after their seat was given. The BEFORE triggers
 *     `attendance_allowed` / `mentor_attendance_allowed` stay on and check every row.
 *   - internships: applicants meet the posting's minimum age and attendance rate today; offers (offered, accepted,
 *     completed) go to the first applicants in a random order, never more than the slots, and offered_count is
 *     set from the rows; `hired` is set only on completed applications.
 */

export const LARGE_DOMAIN = 'large.codeshelf.test';
const PASSWORD = 'codeshelf-demo';
const DEMO_ADMIN = 'admin@demo.codeshelf.test';
const LARGE_ADMIN = `admin@${LARGE_DOMAIN}`;

const SPONSORS = 50;
const BRANCHES = 10;
const TEENS = 20_000;
const DEFAULT_PROGRAMS = 200;
const ASSISTANTS_PER_BRANCH = 10;
/** Consecutive teens (by number, from a random offset) a program draws its roster from; the eligible ones by age. */
const CANDIDATE_WINDOW = 600;

/** True when the command line asks for the large data set: `--scale large` or `--scale=large`. */
export function wantsLargeScale(argv: readonly string[] = process.argv): boolean {
  return argv.some((arg, i) => arg === '--scale=large' || (arg === '--scale' && argv[i + 1] === 'large'));
}

function programsFromArgv(argv: readonly string[]): number {
  const i = argv.findIndex((arg) => arg === '--programs' || arg.startsWith('--programs='));
  if (i < 0) return DEFAULT_PROGRAMS;
  const raw = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const n = Number(raw);
  // Each branch has 12 (weekday, time) slots a room, and the assistants' rotation keeps apart up to 5 programs that meet at the same time.
  if (!Number.isInteger(n) || n < BRANCHES || n > BRANCHES * 60) throw new Error(`--programs must be an integer from ${BRANCHES} to ${BRANCHES * 60}`);
  return n;
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (items: readonly string[]) => `ARRAY[${items.map(sqlText).join(', ')}]::text[]`;
/** A random element of a text array, from a random() value in [0, 1). */
const pick = (items: readonly string[], r: string) => `(${sqlArray(items)})[1 + floor(${r} * ${items.length})::int]`;

const FIRST_NAMES = [
  'Aaliyah', 'Aiden', 'Amara', 'Andre', 'Ava', 'Bao', 'Caleb', 'Camila', 'Chloe', 'Darius', 'Diego', 'Elena', 'Eli', 'Emma', 'Ethan', 'Fatima', 'Gabriel',
  'Grace', 'Hana', 'Hiro', 'Imani', 'Isaac', 'Jada', 'Jamal', 'Jasmine', 'Jayden', 'Kai', 'Leah', 'Leo', 'Liam', 'Lucia', 'Malik', 'Maya', 'Mateo',
  'Mia', 'Nadia', 'Noah', 'Olivia', 'Omar', 'Priya', 'Quinn', 'Rafael', 'Riley', 'Rosa', 'Sami', 'Sofia', 'Tariq', 'Tess', 'Theo', 'Uma', 'Victor',
  'Wei', 'Xavier', 'Yara', 'Yusuf', 'Zara', 'Zoe',
];
const LAST_NAMES = [
  'Adams', 'Ahmed', 'Alvarez', 'Brown', 'Chen', 'Clark', 'Davis', 'Diaz', 'Edwards', 'Evans', 'Flores', 'Garcia', 'Gonzalez', 'Green', 'Hall', 'Harris',
  'Hernandez', 'Hill', 'Ito', 'Jackson', 'Johnson', 'Kim', 'King', 'Lee', 'Lewis', 'Lopez', 'Martin', 'Martinez', 'Nguyen', 'Okafor', 'Patel', 'Perez',
  'Ramirez', 'Reed', 'Robinson', 'Rodriguez', 'Sanchez', 'Scott', 'Singh', 'Smith', 'Taylor', 'Thomas', 'Thompson', 'Torres', 'Walker', 'White',
  'Williams', 'Wilson', 'Wright', 'Young',
];
const SCHOOLS = [
  'Lincoln Middle School', 'Roosevelt High School', 'Washington Middle School', 'Jefferson High School', 'Kennedy Academy', 'Lakeview High School',
  'Hillside Middle School', 'Riverside High School', 'Northside Prep', 'Southshore High School', 'Eastwood Middle School', 'Westfield High School',
];
const TOPICS = [
  'Intro to Python', 'Web Makers', 'Game Design with Godot', 'Robotics with Arduino', 'Data Science Basics', 'Scratch to JavaScript', 'App Inventors',
  'Cybersecurity Club', 'AI Explorers', 'Creative Coding with p5.js', 'Build a Website', 'Raspberry Pi Lab', 'Minecraft Modding', 'Hack Club',
  'Intro to Java', 'Music and Code', 'Mobile Apps with Flutter', 'Competitive Programming', 'Digital Art and Code', 'Linux and the Command Line',
];
const SPONSOR_FIRST = ['Acme', 'Bluebird', 'Cedar', 'Driftwood', 'Evergreen', 'Foxglove', 'Granite', 'Harbor', 'Ironwood', 'Juniper'];
const SPONSOR_SECOND = ['Robotics', 'Software', 'Labs', 'Analytics', 'Systems'];
const INTERNSHIPS = ['Summer junior developer', 'Data intern', 'QA and testing intern', 'IT help desk intern', 'Robotics shop intern', 'Web design intern'];
const SKILLS = ['python', 'javascript', 'scratch', 'java', 'arduino', 'web', 'games', 'data', 'security', 'linux'];

// Ten branches across five zones (Phoenix has no daylight-saving time; the others change on the same dates).
const BRANCH_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['Central Library', '400 S State St, Chicago, IL', 'America/Chicago'],
  ['Riverside Branch', '12 River Rd, Chicago, IL', 'America/Chicago'],
  ['Lakeview Branch', '644 W Belmont Ave, Chicago, IL', 'America/Chicago'],
  ['Midtown Library', '455 Fifth Ave, New York, NY', 'America/New_York'],
  ['Harlem Branch', '9 W 124th St, New York, NY', 'America/New_York'],
  ['Brooklyn Heights Branch', '280 Cadman Plaza W, Brooklyn, NY', 'America/New_York'],
  ['Denver Central', '10 W 14th Ave Pkwy, Denver, CO', 'America/Denver'],
  ['Phoenix Burton Barr', '1221 N Central Ave, Phoenix, AZ', 'America/Phoenix'],
  ['Seattle Central', '1000 4th Ave, Seattle, WA', 'America/Los_Angeles'],
  ['Oakland Main', '125 14th St, Oakland, CA', 'America/Los_Angeles'],
];

const TABLES = [
  'sponsor',
  'branch',
  'room',
  'user_account',
  'coordinator_branch',
  'participant',
  'mentor',
  'mentor_clearance',
  'program',
  'session_series',
  'session',
  'session_mentor',
  'enrollment',
  'attendance',
  'mentor_attendance',
  'sponsorship',
  'internship',
  'application',
] as const;

/** The statements of the load, in order; each one is timed on its own. */
function loadSteps(programs: number, passwordHash: string): Array<[string, string]> {
  const P = programs;
  const B = BRANCHES;
  const email = (local: string) => `${local}@${LARGE_DOMAIN}`;
  const pw = sqlText(passwordHash);
  const userCols = `(id, email, password_hash, role, display_name, sponsor_id, created_at, updated_at)`;
  return [
    [
      'sponsors, branches, rooms',
      `
      INSERT INTO sponsor (id, name, website, contact_email, contact_name, created_at, updated_at)
      SELECT pg_temp.lg_uuid('sponsor-' || s), name, 'https://' || slug || '.example', 'community@' || slug || '.example',
             ${pick(FIRST_NAMES, 'r1')} || ' ' || ${pick(LAST_NAMES, 'r2')}, now() - interval '2 years', now() - interval '2 years'
        FROM (SELECT s, (${sqlArray(SPONSOR_FIRST)})[1 + (s - 1) % ${SPONSOR_FIRST.length}] || ' ' || (${sqlArray(SPONSOR_SECOND)})[1 + (s - 1) / ${SPONSOR_FIRST.length}] AS name,
                     lower((${sqlArray(SPONSOR_FIRST)})[1 + (s - 1) % ${SPONSOR_FIRST.length}] || (${sqlArray(SPONSOR_SECOND)})[1 + (s - 1) / ${SPONSOR_FIRST.length}]) AS slug,
                     random() AS r1, random() AS r2
                FROM generate_series(1, ${SPONSORS}) s) x;

      CREATE TEMP TABLE lg_branch ON COMMIT DROP AS
      SELECT b, pg_temp.lg_uuid('branch-' || b) AS id, name, address, tz
        FROM unnest(${sqlArray(BRANCH_ROWS.map((r) => r[0]))}, ${sqlArray(BRANCH_ROWS.map((r) => r[1]))}, ${sqlArray(BRANCH_ROWS.map((r) => r[2]))})
             WITH ORDINALITY AS v(name, address, tz, b);
      INSERT INTO branch (id, name, address, timezone, created_at, updated_at)
      SELECT id, name, address, tz, now() - interval '2 years', now() - interval '2 years' FROM lg_branch ORDER BY b;

      -- Program j of a branch (j = 0, 1, …) meets in room 1 + j / 12: twelve weekly slots a room.
      INSERT INTO room (id, branch_id, name, seats, created_at, updated_at)
      SELECT pg_temp.lg_uuid('room-' || b.b || '-' || r), b.id, (ARRAY['Maker Lab', 'Community Room', 'Computer Lab', 'Studio'])[1 + (r - 1) % 4] || CASE WHEN r > 4 THEN ' ' || r ELSE '' END,
             120, now() - interval '2 years', now() - interval '2 years'
        FROM lg_branch b, generate_series(1, ${Math.ceil(Math.ceil(P / B) / 12)}) r;`,
    ],
    [
      'staff and sponsor accounts',
      `
      INSERT INTO user_account ${userCols}
      VALUES (pg_temp.lg_uuid('user-admin'), ${sqlText(email('admin'))}, ${pw}, 'admin', 'Alma Admin', NULL, now() - interval '2 years', now() - interval '2 years'),
             (pg_temp.lg_uuid('user-coordinator'), ${sqlText(email('coordinator'))}, ${pw}, 'coordinator', 'Cole Coordinator', NULL, now() - interval '2 years', now() - interval '2 years');
      INSERT INTO coordinator_branch (user_id, branch_id) SELECT pg_temp.lg_uuid('user-coordinator'), id FROM lg_branch;
      INSERT INTO user_account ${userCols}
      SELECT pg_temp.lg_uuid('sponsor-user-' || s), 'sponsor-' || lpad(s::text, 2, '0') || '@${LARGE_DOMAIN}', ${pw}, 'sponsor',
             'Partner desk at ' || sp.name, sp.id, now() - interval '2 years', now() - interval '2 years'
        FROM generate_series(1, ${SPONSORS}) s JOIN sponsor sp ON sp.id = pg_temp.lg_uuid('sponsor-' || s);`,
    ],
    [
      `teens (${TEENS.toLocaleString('en-US')} accounts + participants)`,
      `
      CREATE TEMP TABLE lg_teen ON COMMIT DROP AS
      SELECT n, pg_temp.lg_uuid('teen-' || n) AS id, pg_temp.lg_uuid('teen-user-' || n) AS user_id,
             'teen-' || lpad(n::text, 5, '0') || '@${LARGE_DOMAIN}' AS email,
             ${pick(FIRST_NAMES, 'r1')} AS first_name, ${pick(LAST_NAMES, 'r2')} AS last_name,
             -- 12 to 18 years old today
             (current_date - interval '12 years')::date - floor(r3 * 2556)::int AS birth_date,
             CASE WHEN r4 < 0.46 THEN 'female' WHEN r4 < 0.90 THEN 'male' WHEN r4 < 0.94 THEN 'non-binary' END AS gender,
             1 + floor(r5 * ${B})::int AS home_b,
             now() - make_interval(days => 450 + floor(r6 * 300)::int) AS created_at,
             r7, r8
        FROM (SELECT n, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8
                FROM generate_series(1, ${TEENS}) n) x;
      CREATE UNIQUE INDEX ON lg_teen (n);
      ANALYZE lg_teen;

      INSERT INTO user_account ${userCols}
      SELECT user_id, email, ${pw}, 'participant', first_name || ' ' || last_name, NULL, created_at, created_at FROM lg_teen ORDER BY n;

      INSERT INTO participant (id, first_name, last_name, birth_date, school, grade, contact_email, guardian_name, guardian_email, guardian_phone,
                               consent_status, consent_granted_at, media_consent, gender, postal_code, home_branch_id, user_id, created_at, updated_at)
      SELECT t.id, t.first_name, t.last_name, t.birth_date, ${pick(SCHOOLS, 't.r7')},
             least(12, greatest(6, extract(year FROM age(t.birth_date))::int - 5)), t.email,
             ${pick(FIRST_NAMES, 't.r8')} || ' ' || t.last_name, 'guardian-' || lpad(t.n::text, 5, '0') || '@${LARGE_DOMAIN}',
             '555-01' || lpad((t.n % 100)::text, 2, '0'),
             'granted', t.created_at + make_interval(hours => 1 + (t.n * 37) % 120), t.r7 < 0.7, t.gender,
             lpad((10000 + (t.n * 7919) % 89999)::text, 5, '0'), b.id, t.user_id, t.created_at, t.created_at + interval '5 days'
        FROM lg_teen t JOIN lg_branch b ON b.b = t.home_b ORDER BY t.n;`,
    ],
    [
      `mentors (${P + B * ASSISTANTS_PER_BRANCH}) and clearances`,
      `
      -- Mentor m ≤ ${P} leads program m - 1; mentors above it assist the programs of one branch.
      CREATE TEMP TABLE lg_mentor ON COMMIT DROP AS
      SELECT m, pg_temp.lg_uuid('mentor-' || m) AS id, pg_temp.lg_uuid('mentor-user-' || m) AS user_id,
             'mentor-' || lpad(m::text, 3, '0') || '@${LARGE_DOMAIN}' AS email,
             ${pick(FIRST_NAMES, 'r1')} || ' ' || ${pick(LAST_NAMES, 'r2')} AS display_name,
             CASE WHEN m % 2 = 0 THEN pg_temp.lg_uuid('sponsor-' || (1 + (m / 2) % ${SPONSORS})) END AS employer_sponsor_id,
             ARRAY[${pick(SKILLS, 'r3')}, ${pick(SKILLS, 'r4')}] AS skills
        FROM (SELECT m, random() AS r1, random() AS r2, random() AS r3, random() AS r4 FROM generate_series(1, ${P + B * ASSISTANTS_PER_BRANCH}) m) x;
      INSERT INTO user_account ${userCols}
      SELECT user_id, email, ${pw}, 'mentor', display_name, NULL, now() - interval '18 months', now() - interval '18 months' FROM lg_mentor ORDER BY m;
      INSERT INTO mentor (id, user_id, employer_sponsor_id, skills, bio, created_at)
      SELECT id, user_id, employer_sponsor_id, (SELECT array_agg(DISTINCT s) FROM unnest(skills) s), 'Volunteer mentor.', now() - interval '18 months' FROM lg_mentor ORDER BY m;
      INSERT INTO mentor_clearance (id, mentor_id, kind, status, valid_from, expires_on, verified_by, created_at)
      SELECT pg_temp.lg_uuid('clearance-' || m), id, 'background_check', 'cleared', (current_date - interval '2 years')::date,
             (current_date + interval '1 year')::date, pg_temp.lg_uuid('user-admin'), now() - interval '18 months'
        FROM lg_mentor ORDER BY m;`,
    ],
    [
      `programs (${P}) and series`,
      `
      CREATE TEMP TABLE lg_program ON COMMIT DROP AS
      WITH base AS (
        SELECT k, 1 + k % ${B} AS b, k / ${B} AS j,
               random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8,
               random() AS r9, random() AS r10, random() AS r11, random() AS r12
          FROM generate_series(0, ${P - 1}) k
      ), slotted AS (
        SELECT base.*, 1 + j % 6 AS dow, 1 + j / 12 AS room_no,
               CASE WHEN j % 6 = 5 THEN (CASE WHEN (j / 6) % 2 = 0 THEN time '10:00' ELSE time '13:00' END)
                    ELSE (CASE WHEN (j / 6) % 2 = 0 THEN time '15:30' ELSE time '17:30' END) END AS local_time,
               -- 90 % start over the last 12 months, 10 % over the next 2
               current_date + CASE WHEN r1 < 0.9 THEN -365 + floor(r2 * 365)::int ELSE floor(r2 * 61)::int END AS day0,
               26 + floor(r3 * 9)::int AS n_sess
          FROM base
      ), dated AS (
        SELECT slotted.*, day0 + (dow - extract(isodow FROM day0)::int + 7) % 7 AS starts_on FROM slotted
      )
      SELECT d.k, d.b, d.j, pg_temp.lg_uuid('program-' || d.k) AS id, pg_temp.lg_uuid('series-' || d.k) AS series_id,
             pg_temp.lg_uuid('room-' || d.b || '-' || d.room_no) AS room_id, br.id AS branch_id, br.tz, br.name AS branch_name,
             d.dow, d.local_time, d.n_sess, d.starts_on, d.starts_on + 7 * (d.n_sess - 1) AS ends_on,
             (d.starts_on + d.local_time) AT TIME ZONE br.tz AS start_ts,
             (d.starts_on + 7 * (d.n_sess - 1) + d.local_time + interval '90 minutes') AT TIME ZONE br.tz AS end_ts,
             ((d.starts_on - 75) + time '09:00') AT TIME ZONE br.tz AS opens_at,
             ((d.starts_on + 14) + time '23:59') AT TIME ZONE br.tz AS closes_at,
             60 + floor(d.r4 * 61)::int AS capacity,
             12 + floor(d.r5 * 2)::int AS min_age, 17 + floor(d.r6 * 2)::int AS max_age,
             d.r7 < 0.9 AS waitlist_enabled,
             CASE WHEN d.r7 < 0.9 THEN floor(d.r8 * 13)::int ELSE 0 END AS waitlist_n,
             1 + floor(d.r9 * 6)::int AS withdrawn_n,
             (${sqlArray(['beginner', 'intermediate', 'advanced'])})[1 + floor(d.r10 * 3)::int] AS level,
             ${pick(TOPICS, 'd.r11')} AS topic,
             floor(d.r12 * ${TEENS})::int AS teen_offset
        FROM dated d JOIN lg_branch br ON br.b = d.b;
      ALTER TABLE lg_program ADD COLUMN enroll_hi timestamptz, ADD COLUMN enroll_lo timestamptz;
      -- Seats were taken in the two weeks before the start (and never in the future).
      UPDATE lg_program SET enroll_hi = least(start_ts - interval '1 day', now() - interval '1 hour');
      UPDATE lg_program SET enroll_lo = greatest(opens_at, enroll_hi - interval '14 days');
      CREATE UNIQUE INDEX ON lg_program (k);
      ANALYZE lg_program;

      INSERT INTO program (id, branch_id, title, description, level, min_age, max_age, capacity, starts_on, ends_on, enrollment_opens_at, enrollment_closes_at,
                           waitlist_enabled, completion_threshold, status, published_at, enrolled_count, waitlisted_count, created_at, updated_at)
      SELECT id, branch_id, topic || ' at ' || branch_name || ', ' || to_char(starts_on, 'FMMonth YYYY'),
             topic || ': a weekly club, ' || to_char(local_time, 'HH24:MI') || ' on ' || trim(to_char(starts_on, 'Day')) || 's.',
             level, min_age, max_age, capacity, starts_on, ends_on, opens_at, closes_at, waitlist_enabled, 0.75, 'published',
             opens_at - interval '7 days', 0, 0, opens_at - interval '10 days', opens_at - interval '7 days'
        FROM lg_program ORDER BY k;

      INSERT INTO session_series (id, program_id, rrule, start_time, duration_minutes, room_id, until, count, created_at)
      SELECT series_id, id, 'FREQ=WEEKLY;BYDAY=' || (ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA'])[dow], to_char(local_time, 'HH24:MI'), 90, room_id, NULL, n_sess,
             opens_at - interval '8 days'
        FROM lg_program ORDER BY k;`,
    ],
    [
      'sessions',
      `
      CREATE TEMP TABLE lg_session ON COMMIT DROP AS
      SELECT p.k, w, pg_temp.lg_uuid('session-' || p.k || '-' || w) AS id, p.id AS program_id, p.series_id, p.room_id, p.topic,
             ((p.starts_on + 7 * w) + p.local_time) AT TIME ZONE p.tz AS starts_at,
             ((p.starts_on + 7 * w) + p.local_time + interval '90 minutes') AT TIME ZONE p.tz AS ends_at,
             random() < 0.03 AS cancelled, random() AS r,
             pg_temp.lg_uuid('mentor-' || (p.k + 1)) AS lead_mentor_id, pg_temp.lg_uuid('mentor-user-' || (p.k + 1)) AS lead_user_id,
             -- Two programs in three also have an assistant, one of the branch's ten, rotating by calendar week: programs
             -- that meet at the same time (j and j + 12m, m ≤ 4, in other rooms) get different ones that week.
             CASE WHEN p.k % 3 <> 0 THEN pg_temp.lg_uuid('mentor-' || (${P} + (p.b - 1) * ${ASSISTANTS_PER_BRANCH}
               + (p.j + floor(extract(epoch FROM ((p.starts_on + 7 * w) + p.local_time) AT TIME ZONE p.tz) / 604800)::int) % ${ASSISTANTS_PER_BRANCH} + 1)) END AS assistant_id,
             p.opens_at
        FROM lg_program p, generate_series(0, p.n_sess - 1) w;
      ALTER TABLE lg_session ADD COLUMN held boolean;
      UPDATE lg_session SET held = NOT cancelled AND starts_at < now();
      CREATE INDEX ON lg_session (k);
      ANALYZE lg_session;

      INSERT INTO session (id, program_id, series_id, starts_at, ends_at, room_id, topic, status, cancel_reason, sequence, created_at, updated_at)
      SELECT id, program_id, series_id, starts_at, ends_at, room_id, topic || ', week ' || (w + 1),
             CASE WHEN cancelled THEN 'cancelled' ELSE 'scheduled' END,
             CASE WHEN cancelled THEN (ARRAY['Severe weather', 'Room unavailable', 'Mentor unavailable', 'Building maintenance'])[1 + floor(r * 4)::int] END,
             CASE WHEN cancelled THEN 1 ELSE 0 END, opens_at - interval '8 days',
             CASE WHEN cancelled THEN least(starts_at - interval '2 days', now()) ELSE opens_at - interval '8 days' END
        FROM lg_session ORDER BY k, w;`,
    ],
    [
      'session mentors',
      `
      -- A cancelled session freed its mentors (active = false), as the API does when it cancels one.
      INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at, active, created_at)
      SELECT id, lead_mentor_id, 'lead', starts_at, ends_at, NOT cancelled, opens_at - interval '7 days' FROM lg_session
      UNION ALL
      SELECT id, assistant_id, 'assistant', starts_at, ends_at, NOT cancelled, opens_at - interval '7 days' FROM lg_session WHERE assistant_id IS NOT NULL
      ORDER BY 1, 2;`,
    ],
    [
      'enrollments and counters',
      `
      CREATE TEMP TABLE lg_enroll ON COMMIT DROP AS
      WITH cand AS (
        SELECT p.k, t.n, t.id AS participant_id, row_number() OVER (PARTITION BY p.k ORDER BY random()) AS rn
          FROM lg_program p
          CROSS JOIN generate_series(0, ${CANDIDATE_WINDOW - 1}) i
          JOIN lg_teen t ON t.n = 1 + (p.teen_offset + i) % ${TEENS}
         -- age on the program's first day within [min_age, max_age]
         WHERE t.birth_date <= p.starts_on - make_interval(years => p.min_age)
           AND t.birth_date > p.starts_on - make_interval(years => p.max_age + 1)
      ), picked AS (
        SELECT c.*, p.id AS program_id, p.enroll_lo, p.enroll_hi, p.end_ts,
               CASE WHEN c.rn <= p.capacity THEN 'enrolled' WHEN c.rn <= p.capacity + p.withdrawn_n THEN 'withdrawn' ELSE 'waitlisted' END AS status,
               random() AS r1, random() AS r2, random() AS r3, random() AS u
          FROM cand c JOIN lg_program p USING (k)
         WHERE c.rn <= p.capacity + p.withdrawn_n + p.waitlist_n
      )
      SELECT k, n, participant_id, program_id, status, u, r3,
             -- seats in the first 80 % of the window; the waitlist arrived in the last 20 %
             CASE WHEN status = 'waitlisted' THEN enroll_lo + (0.8 + 0.2 * r1) * (enroll_hi - enroll_lo) ELSE enroll_lo + 0.8 * r1 * (enroll_hi - enroll_lo) END AS created_at,
             CASE WHEN status <> 'waitlisted' THEN enroll_lo + 0.8 * r1 * (enroll_hi - enroll_lo) END AS enrolled_at,
             end_ts, r2
        FROM picked;
      ALTER TABLE lg_enroll ADD COLUMN withdrawn_at timestamptz;
      UPDATE lg_enroll SET withdrawn_at = enrolled_at + r2 * (least(now(), end_ts) - enrolled_at) WHERE status = 'withdrawn';
      CREATE INDEX ON lg_enroll (k);
      ANALYZE lg_enroll;

      INSERT INTO enrollment (id, program_id, participant_id, status, waitlist_position, source, enrolled_at, withdrawn_at, created_at, updated_at)
      SELECT pg_temp.lg_uuid('enrollment-' || k || '-' || n), program_id, participant_id, status,
             CASE WHEN status = 'waitlisted' THEN row_number() OVER (PARTITION BY k, status = 'waitlisted' ORDER BY created_at, n) END,
             CASE WHEN r3 < 0.85 THEN 'self' ELSE 'coordinator' END, enrolled_at, withdrawn_at, created_at,
             coalesce(withdrawn_at, enrolled_at, created_at)
        FROM lg_enroll ORDER BY k, n;

      -- The counters the API's guarded updates read; enrollment_counts_match checks them at commit.
      UPDATE program p SET enrolled_count = c.enrolled, waitlisted_count = c.waitlisted
        FROM (SELECT program_id, count(*) FILTER (WHERE status = 'enrolled') AS enrolled, count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
                FROM lg_enroll GROUP BY program_id) c
       WHERE p.id = c.program_id;`,
    ],
    [
      'attendance (trigger attendance_allowed on)',
      `
      -- Every teen who held a seat, at every held session that ended after the seat was given (and, for one who
      -- withdrew, started before they left). About 70 % present, 8 % late, 17 % absent, 5 % excused; each teen
      -- has their own absence rate (u), so some fall under the completion threshold and some are flagged.
      INSERT INTO attendance (session_id, participant_id, status, method, recorded_by, created_at, updated_at)
      SELECT session_id, participant_id,
             CASE WHEN r < 0.05 THEN 'excused'
                  WHEN r < 0.05 + 0.17 * (0.2 + 1.6 * u) THEN 'absent'
                  WHEN r < 0.13 + 0.17 * (0.2 + 1.6 * u) THEN 'late'
                  ELSE 'present' END,
             'roll_call', lead_user_id, starts_at + interval '20 minutes', starts_at + interval '20 minutes'
        FROM (SELECT s.id AS session_id, e.participant_id, e.u, s.lead_user_id, s.starts_at, random() AS r
                FROM lg_session s
                JOIN lg_enroll e ON e.k = s.k AND e.enrolled_at IS NOT NULL AND s.ends_at > e.enrolled_at AND (e.withdrawn_at IS NULL OR s.starts_at < e.withdrawn_at)
               WHERE s.held) x
       ORDER BY session_id, participant_id;`,
    ],
    [
      'mentor attendance',
      `
      INSERT INTO mentor_attendance (session_id, mentor_id, status, recorded_by, updated_at)
      SELECT sm.session_id, sm.mentor_id, CASE WHEN random() < 0.93 THEN 'present' ELSE 'absent' END, s.lead_user_id, s.starts_at + interval '20 minutes'
        FROM session_mentor sm JOIN lg_session s ON s.id = sm.session_id
       WHERE s.held AND sm.active
       ORDER BY sm.session_id, sm.mentor_id;`,
    ],
    [
      'sponsorships',
      `
      -- Sponsor k % 50 funds program k; every fifth program has a second sponsor.
      INSERT INTO sponsorship (id, sponsor_id, program_id, starts_on, ends_on, amount, created_at)
      SELECT pg_temp.lg_uuid('sponsorship-' || s || '-' || k), pg_temp.lg_uuid('sponsor-' || s), id, starts_on, ends_on, 500 * (2 + floor(random() * 39)), opens_at - interval '30 days'
        FROM (SELECT k, 1 + k % ${SPONSORS} AS s, id, starts_on, ends_on, opens_at FROM lg_program
              UNION ALL
              SELECT k, 1 + (k / 5 + 17) % ${SPONSORS}, id, starts_on, ends_on, opens_at FROM lg_program WHERE k % 5 = 0 AND (k / 5 + 17) % ${SPONSORS} <> k % ${SPONSORS}) x
       ORDER BY k, s;`,
    ],
    [
      'internships and applications',
      `
      -- Each sponsor: an internship that closed months ago and one that is open now (one in five is closed too).
      CREATE TEMP TABLE lg_internship ON COMMIT DROP AS
      SELECT s, i, pg_temp.lg_uuid('internship-' || s || '-' || i) AS id, pg_temp.lg_uuid('sponsor-' || s) AS sponsor_id,
             CASE WHEN i = 1 OR r1 < 0.2 THEN 'closed' ELSE 'open' END AS status,
             1 + floor(r2 * 5)::int AS slots,
             (ARRAY[NULL, 14, 15, 16])[1 + floor(r3 * 4)::int] AS min_age,
             (ARRAY[NULL, 0.60, 0.70, 0.75, 0.80])[1 + floor(r4 * 5)::int]::numeric(3,2) AS min_attendance_rate,
             ${pick(INTERNSHIPS, 'r5')} AS title, r6, floor(r7 * ${TEENS})::int AS teen_offset, 8 + floor(r8 * 20)::int AS wanted
        FROM (SELECT s, i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8
                FROM generate_series(1, ${SPONSORS}) s, generate_series(1, 2) i) x;
      ALTER TABLE lg_internship ADD COLUMN opens_at timestamptz, ADD COLUMN closes_at timestamptz;
      UPDATE lg_internship SET opens_at = CASE WHEN status = 'closed' THEN now() - make_interval(days => 150 + floor(r6 * 120)::int) ELSE now() - make_interval(days => 1 + floor(r6 * 30)::int) END;
      UPDATE lg_internship SET closes_at = CASE WHEN status = 'closed' THEN opens_at + interval '45 days' ELSE now() + make_interval(days => 15 + floor(r6 * 45)::int) END;

      INSERT INTO internship (id, sponsor_id, title, description, location, remote, slots, min_age, min_attendance_rate, opens_at, closes_at, status, offered_count, created_at, updated_at)
      SELECT li.id, li.sponsor_id, li.title, 'Paid internship with the ' || sp.name || ' team: pair with an engineer and ship something real.',
             sp.name || ' office', li.r6 < 0.25, li.slots, li.min_age, li.min_attendance_rate, li.opens_at, li.closes_at, li.status, 0,
             li.opens_at - interval '5 days', li.opens_at
        FROM lg_internship li JOIN sponsor sp ON sp.id = li.sponsor_id ORDER BY li.s, li.i;

      -- Attendance rate today: (present + late) / held sessions recorded while holding a seat (every one is recorded).
      CREATE TEMP TABLE lg_rate ON COMMIT DROP AS
      SELECT a.participant_id, avg(CASE WHEN a.status IN ('present', 'late') THEN 1.0 ELSE 0.0 END) AS rate
        FROM attendance a JOIN lg_session s ON s.id = a.session_id
        JOIN lg_enroll e ON e.k = s.k AND e.participant_id = a.participant_id AND e.status = 'enrolled'
       GROUP BY a.participant_id;
      CREATE UNIQUE INDEX ON lg_rate (participant_id);

      CREATE TEMP TABLE lg_application ON COMMIT DROP AS
      WITH cand AS (
        SELECT li.id AS internship_id, li.status AS posting_status, li.slots, li.opens_at, li.closes_at, t.n, t.id AS participant_id,
               row_number() OVER (PARTITION BY li.id ORDER BY random()) AS rn, li.wanted
          FROM lg_internship li
          CROSS JOIN generate_series(0, 399) g
          JOIN lg_teen t ON t.n = 1 + (li.teen_offset + g) % ${TEENS}
          LEFT JOIN lg_rate r ON r.participant_id = t.id
         WHERE (li.min_age IS NULL OR t.birth_date <= current_date - make_interval(years => li.min_age))
           AND (li.min_attendance_rate IS NULL OR r.rate >= li.min_attendance_rate)
      ), chosen AS (
        SELECT cand.*, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
               -- offers go to the first applicants in this random order, never more than the slots
               least(slots, 1 + floor(random() * slots)::int) AS offers
          FROM cand WHERE rn <= wanted
      )
      SELECT internship_id, participant_id, n, r3, r4,
             opens_at + r2 * (least(closes_at, now()) - opens_at) AS created_at,
             CASE WHEN posting_status = 'closed' AND rn <= offers THEN (CASE WHEN r1 < 0.8 THEN 'completed' ELSE 'accepted' END)
                  WHEN posting_status = 'closed' THEN (CASE WHEN r1 < 0.6 THEN 'rejected' WHEN r1 < 0.75 THEN 'declined' WHEN r1 < 0.9 THEN 'withdrawn' ELSE 'submitted' END)
                  WHEN rn <= offers THEN (CASE WHEN r1 < 0.5 THEN 'offered' ELSE 'accepted' END)
                  ELSE (CASE WHEN r1 < 0.5 THEN 'submitted' WHEN r1 < 0.75 THEN 'shortlisted' WHEN r1 < 0.9 THEN 'rejected' WHEN r1 < 0.95 THEN 'withdrawn' ELSE 'declined' END)
             END AS status
        FROM chosen;

      INSERT INTO application (id, internship_id, participant_id, statement, share_profile, status, hired, created_at, updated_at)
      SELECT pg_temp.lg_uuid('application-' || internship_id || '-' || n), internship_id, participant_id,
             (ARRAY['I want to see how a real team ships code.', 'I built a game in our club and want to do more.', 'I love fixing computers and helping people.',
                    'Our club taught me Python; I want to use it on real data.'])[1 + floor(r3 * 4)::int],
             r4 < 0.6, status, CASE WHEN status = 'completed' THEN r4 < 0.7 END, created_at,
             least(now(), created_at + interval '10 days')
        FROM lg_application ORDER BY internship_id, n;

      UPDATE internship i SET offered_count = c.offers
        FROM (SELECT internship_id, count(*) FILTER (WHERE status IN ('offered', 'accepted', 'completed')) AS offers FROM lg_application GROUP BY internship_id) c
       WHERE i.id = c.internship_id;`,
    ],
  ];
}

async function timed<T>(label: string, timings: Array<[string, number]>, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  timings.push([label, seconds]);
  console.info(`  ${label.padEnd(48)} ${seconds.toFixed(2).padStart(7)} s`);
  return result;
}

/** Loads the large data set into the application's database; refuses when the demo or large data is there. */
export async function seedLarge(app: INestApplicationContext, argv: readonly string[] = process.argv): Promise<void> {
  const programs = programsFromArgv(argv);
  const dataSource = app.get(DataSource);
  const started = performance.now();
  const timings: Array<[string, number]> = [];

  const [present] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM user_account WHERE lower(email) = $1) AS demo, EXISTS (SELECT 1 FROM user_account WHERE lower(email) = $2) AS large`,
    [DEMO_ADMIN, LARGE_ADMIN],
  );
  if (present.demo || present.large) {
    console.info(
      present.large
        ? `The large data set is already there (${LARGE_ADMIN} exists): nothing to do. Use a fresh database to load it again.`
        : `The demo library is there (${DEMO_ADMIN} exists): the large data set goes into a database without it. Nothing was changed.`,
    );
    return;
  }

  console.info(`Loading the large data set (${programs} programs, ${TEENS.toLocaleString('en-US')} teens) …`);
  const passwordHash = await timed('password hash (argon2id)', timings, () => hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 }));

  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      await runner.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
      // One process evaluates random() in one order: the same seed gives the same rows.
      await runner.query(`SET LOCAL max_parallel_workers_per_gather = 0`);
      // Two runs at once: the second waits, then finds the first one's data and stops.
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('codeshelf:seed-large'))`);
      const [again] = await runner.query(`SELECT EXISTS (SELECT 1 FROM user_account WHERE lower(email) IN ($1, $2)) AS there`, [DEMO_ADMIN, LARGE_ADMIN]);
      if (again.there) {
        await runner.rollbackTransaction();
        console.info('Another run loaded data meanwhile: nothing was changed.');
        return;
      }
      await runner.query(`SELECT setseed(0.42)`);
      // Ids derived from names, shaped as v4 uuids, so that runs are repeatable and rows can be joined by name.
      await runner.query(
        `CREATE FUNCTION pg_temp.lg_uuid(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT overlay(overlay(md5('codeshelf-large:' || $1) placing '4' from 13) placing '8' from 17)::uuid $$`,
      );
      for (const [label, sql] of loadSteps(programs, passwordHash)) await timed(label, timings, () => runner.query(sql));
      await timed('commit (deferred enrollment_counts_match)', timings, () => runner.commitTransaction());
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
    await timed('analyze', timings, () => runner.query(`ANALYZE ${TABLES.join(', ')}`));
  } finally {
    await runner.release();
  }

  const counts: Array<{ table: string; rows: string }> = await dataSource.query(
    `SELECT "table", "rows" FROM (${TABLES.map((t, i) => `SELECT ${i} AS i, '${t}' AS "table", count(*)::text AS "rows" FROM ${t}`).join(' UNION ALL ')}) c ORDER BY i`,
  );
  const total = (performance.now() - started) / 1000;
  console.info('\nRows now in each table:');
  for (const { table, rows } of counts) console.info(`  ${table.padEnd(20)} ${Number(rows).toLocaleString('en-US').padStart(10)}`);
  console.info(`\nLarge data set loaded in ${total.toFixed(1)} s. Every account's password is ${PASSWORD}, e.g.:`);
  for (const who of ['admin', 'coordinator', 'sponsor-01', 'mentor-001', 'teen-00001']) console.info(`  ${who}@${LARGE_DOMAIN}`);
}
