import { RollCallService } from '@codeshelf/attendance';
import { CertificatesService } from '@codeshelf/certificates';
import { EnrollmentsService, RosterImportsService } from '@codeshelf/enrollment';
import { ApiKeysService, Principal, UsersService } from '@codeshelf/identity';
import { ConsentsService, ErasureService, ParticipantsService, SignupService } from '@codeshelf/people';
import { ApplicationsService, InternshipsService, type SponsorDto, SponsorshipsService, SponsorsService } from '@codeshelf/partners';
import { type BranchDto, BranchesService, ClosuresService, MentorsService, ProgramsService, RoomsService, SchoolsService, SeriesService, SessionMentorsService } from '@codeshelf/scheduling';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

/*
 * The demo library of `npm run seed`, also what the staff consoles' browser tests run against. Each feature adds
 * its part below as it lands.
 */
export const PASSWORD = 'codeshelf-demo';
const SYSTEM = { id: null, kind: 'system' } as const;
export const email = (name: string) => `${name}@demo.codeshelf.test`;

interface Places {
  branches: BranchDto[];
  sponsor: SponsorDto;
}

async function seedPlacesAndSponsors(app: INestApplicationContext): Promise<Places> {
  const places = app.get(BranchesService);
  const branches = [
    await places.create({ name: 'Central Library', address: '400 Main St', timezone: 'America/Chicago' }, SYSTEM),
    await places.create({ name: 'Riverside Branch', address: '12 River Rd', timezone: 'America/Chicago' }, SYSTEM),
  ];
  const sponsor = await app.get(SponsorsService).create({ name: 'Acme Robotics', website: 'https://acme.example', contactEmail: 'community@acme.example' }, SYSTEM);
  return { branches, sponsor };
}

async function seedAccounts(app: INestApplicationContext, { branches, sponsor }: Places): Promise<Principal> {
  const users = app.get(UsersService);
  const admin = await users.create({ email: email('admin'), password: PASSWORD, role: 'admin', displayName: 'Ada Admin' }, SYSTEM);
  await users.create({ email: email('coordinator'), password: PASSWORD, role: 'coordinator', displayName: 'Cora Coordinator', branchIds: branches.map((b) => b.id) }, SYSTEM);
  await users.create({ email: email('mentor'), password: PASSWORD, role: 'mentor', displayName: 'Max Mentor' }, SYSTEM);
  await users.create({ email: email('sponsor'), password: PASSWORD, role: 'sponsor', displayName: 'Sam at Acme', sponsorId: sponsor.id }, SYSTEM);
  return { kind: 'user', id: admin.id, role: 'admin', displayName: admin.displayName, branchIds: [], sponsorId: null };
}

async function seedTeens(app: INestApplicationContext, admin: Principal, { branches }: Places): Promise<void> {
  const signups = app.get(SignupService);
  const guardian = { guardianName: 'Gina Guardian', guardianEmail: 'guardian@demo.codeshelf.test' };
  const year = new Date().getUTCFullYear();
  // A 15-year-old whose guardian consented (recorded by staff), one still waiting for consent, and an adult.
  const consented = await signups.signup({ email: email('teen'), password: PASSWORD, firstName: 'Tess', lastName: 'Teen', birthDate: `${year - 15}-03-14`, ...guardian });
  await app.get(ConsentsService).record(admin, consented.participant.id, { status: 'granted', guardianName: guardian.guardianName }, { id: admin.id, kind: 'user' });
  await signups.signup({ email: email('pending-teen'), password: PASSWORD, firstName: 'Pat', lastName: 'Pending', birthDate: `${year - 14}-09-02`, ...guardian });
  await signups.signup({ email: email('adult-teen'), password: PASSWORD, firstName: 'Alex', lastName: 'Adult', birthDate: `${year - 19}-01-20`, ...guardian });
  // Registered at the desk of Central Library, without a login: the coordinator's list shows her.
  await app.get(ParticipantsService).create(
    admin,
    { firstName: 'Riley', lastName: 'Reed', birthDate: `${year - 13}-06-30`, school: 'Lincoln Middle School', homeBranchId: branches[0].id, ...guardian },
    { id: admin.id, kind: 'user' },
  );
}

async function seedPrograms(app: INestApplicationContext, admin: Principal, { branches, sponsor }: Places): Promise<{ pythonId: string; gameJamId: string }> {
  const programs = app.get(ProgramsService);
  const actor = { id: admin.id, kind: 'user' } as const;
  const year = new Date().getUTCFullYear() + 1;
  const term = { level: 'beginner' as const, minAge: 13, maxAge: 18, capacity: 20, startsOn: `${year}-01-12`, endsOn: `${year}-05-26` };
  const lab = await app.get(RoomsService).create(admin, branches[0].id, { name: 'Maker Lab', seats: 24 }, actor);
  await app.get(ClosuresService).create(admin, branches[0].id, { date: `${year}-01-18`, reason: 'Martin Luther King Jr. Day' }, actor);
  const python = await programs.create(admin, { ...term, branchId: branches[0].id, title: 'Intro to Python', description: 'Games and data with Python, Tuesdays and Thursdays.' }, actor);
  // Tuesdays and Thursdays at 16:00 Chicago time, across the March daylight-saving change; MLK Day is skipped.
  const series = await app.get(SeriesService).create(admin, python.id, { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startTime: '16:00', durationMinutes: 90, roomId: lab.id }, actor);
  // Max, employed by Acme, cleared for the term, leads the first session.
  const max = (await app.get(UsersService).findByEmail(email('mentor')))!;
  const mentor = await app.get(MentorsService).create({ userId: max.id, employerSponsorId: sponsor.id, skills: ['python', 'games'] }, actor);
  await app.get(MentorsService).addClearance(admin, mentor.id, { kind: 'background_check', status: 'cleared', validFrom: `${year - 2}-09-01`, expiresOn: `${year + 1}-11-30` }, actor);
  await app.get(SessionMentorsService).assign(admin, series.created[0].id, mentor.id, 'lead', actor);
  await programs.step(admin, python.id, 'publish', actor);
  await programs.create(admin, { ...term, branchId: branches[1].id, title: 'Web Makers', level: 'intermediate', minAge: 14, capacity: 15 }, actor);
  // One seat only: the second teen to enroll lands on the waitlist.
  const gameJam = await programs.create(
    admin,
    { ...term, branchId: branches[0].id, title: 'Weekend Game Jam', description: 'Build a game in a weekend.', minAge: 13, maxAge: 21, capacity: 1, startsOn: `${year}-02-06`, endsOn: `${year}-02-07` },
    actor,
  );
  await programs.step(admin, gameJam.id, 'publish', actor);
  return { pythonId: python.id, gameJamId: gameJam.id };
}

/**
 * A club running now at Riverside: five Wednesdays behind it, four ahead. Tess, Riley and Alex hold seats
 * from its first week; Max took the roll calls. Riley missed the last three, so the program's attendance
 * report flags her; Max's volunteer hours count for Acme.
 */
async function seedRunningClub(app: INestApplicationContext, admin: Principal, { branches }: Places): Promise<void> {
  const actor = { id: admin.id, kind: 'user' } as const;
  const day = 86_400_000;
  const date = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
  const programs = app.get(ProgramsService);
  const club = await programs.create(
    admin,
    { branchId: branches[1].id, title: 'Scratch to JavaScript', level: 'beginner', minAge: 12, maxAge: 21, capacity: 12, startsOn: date(-36), endsOn: date(28) },
    actor,
  );
  const series = await app.get(SeriesService).create(admin, club.id, { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '16:00', durationMinutes: 90 }, actor);
  await programs.step(admin, club.id, 'publish', actor);
  const participants = app.get(ParticipantsService);
  const teens = [
    (await participants.findByUser((await app.get(UsersService).findByEmail(email('teen')))!.id))!,
    (await participants.list(admin, { limit: 1, q: 'Riley Reed' }, actor)).items[0],
    (await participants.findByUser((await app.get(UsersService).findByEmail(email('adult-teen')))!.id))!,
  ];
  for (const teen of teens) await app.get(EnrollmentsService).enroll(admin, club.id, { participantId: teen.id }, actor);
  // Demo data only: as if they had enrolled when the term opened, so the weeks behind count for them.
  await app.get(DataSource).query(`UPDATE enrollment SET enrolled_at = $2 WHERE program_id = $1`, [club.id, `${date(-37)}T12:00:00Z`]);
  const max = (await app.get(UsersService).findByEmail(email('mentor')))!;
  const mentor = await app.get(MentorsService).getOwn({ kind: 'user', id: max.id, role: 'mentor', displayName: '', branchIds: [], sponsorId: null });
  const held = series.created.filter((s) => new Date(s.startsAt).getTime() < Date.now());
  for (const [week, session] of held.entries()) {
    await app.get(SessionMentorsService).assign(admin, session.id, mentor.id, 'lead', actor);
    const recent = week >= held.length - 3;
    await app.get(RollCallService).record(
      admin,
      session.id,
      {
        records: [
          { participantId: teens[0].id, status: week === 1 ? 'late' : 'present' },
          { participantId: teens[1].id, status: recent ? 'absent' : 'present' },
          { participantId: teens[2].id, status: week === 0 ? 'excused' : 'present', ...(week === 0 ? { note: 'Exam week' } : {}) },
        ],
        mentors: [{ mentorId: mentor.id, status: 'present' }],
      },
      actor,
    );
  }
  await seedFeedback(app, held.filter((s) => new Date(s.endsAt).getTime() < Date.now()).map((s) => s.id), teens.map((t) => t.id));
}

/**
 * What the running club's teens said: all three commented on its second week, so the comments show; of the last
 * week only Alex did (Riley was away), so that comment is held back, and Tess may still rate it. Written as if
 * given an hour after each session (demo data only: the API takes feedback only as it happens).
 */
async function seedFeedback(app: INestApplicationContext, ended: string[], [tess, riley, alex]: string[]): Promise<void> {
  const given: [string, string, number, string][] = [
    [ended[1], tess, 5, 'Making the cat chase the mouse was the best part.'],
    [ended[1], riley, 4, 'Fun, but the first half went a bit fast.'],
    [ended[1], alex, 4, 'More time for our own projects, please!'],
    [ended[ended.length - 1], alex, 4, 'Loved the sprite races. Can we do sounds next?'],
  ];
  for (const [sessionId, participantId, rating, comment] of given) {
    await app.get(DataSource).query(
      `INSERT INTO session_feedback (session_id, participant_id, rating, comment, created_at) SELECT $1, $2, $3, $4, LEAST(ends_at + interval '1 hour', now()) FROM session WHERE id = $1`,
      [sessionId, participantId, rating, comment],
    );
  }
}

/**
 * A club that ended two weeks ago at Central Library, sponsored by Acme: eight Mondays, Tess came to all,
 * Alex to seven, Riley to four (below the 75 % to complete). Cora issued the certificates: Tess and Alex
 * download theirs from their page; the report counts them.
 */
async function seedCompletedClub(app: INestApplicationContext, admin: Principal, { branches, sponsor }: Places): Promise<void> {
  const actor = { id: admin.id, kind: 'user' } as const;
  const day = 86_400_000;
  const date = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
  const programs = app.get(ProgramsService);
  // Made while still open (enrollment closes when a program ends), then moved to the term it really had.
  const club = await programs.create(
    admin,
    { branchId: branches[0].id, title: 'Web Basics', description: 'HTML, CSS and a first website.', level: 'beginner', minAge: 12, maxAge: 21, capacity: 12, startsOn: date(-64), endsOn: date(7) },
    actor,
  );
  const series = await app.get(SeriesService).create(admin, club.id, { rrule: 'FREQ=WEEKLY;BYDAY=MO', count: 8, startTime: '16:00', durationMinutes: 90 }, actor);
  await programs.step(admin, club.id, 'publish', actor);
  const participants = app.get(ParticipantsService);
  const teens = [
    (await participants.findByUser((await app.get(UsersService).findByEmail(email('teen')))!.id))!,
    (await participants.findByUser((await app.get(UsersService).findByEmail(email('adult-teen')))!.id))!,
    (await participants.list(admin, { limit: 1, q: 'Riley Reed' }, actor)).items[0],
  ];
  for (const teen of teens) await app.get(EnrollmentsService).enroll(admin, club.id, { participantId: teen.id }, actor);
  await app.get(SponsorshipsService).create(admin, sponsor.id, { programId: club.id, startsOn: date(-64), endsOn: date(-14) }, actor);
  const db = app.get(DataSource);
  // Demo data only: the seats from the first week, and the term over two weeks ago.
  await db.query(`UPDATE enrollment SET enrolled_at = $2 WHERE program_id = $1`, [club.id, `${date(-65)}T12:00:00Z`]);
  for (const [week, session] of series.created.entries()) {
    await app.get(RollCallService).record(
      admin,
      session.id,
      {
        records: [
          { participantId: teens[0].id, status: 'present' },
          { participantId: teens[1].id, status: week === 3 ? 'absent' : 'present' },
          { participantId: teens[2].id, status: week % 2 ? 'absent' : 'present' },
        ],
      },
      actor,
    );
  }
  await db.query(`UPDATE program SET ends_on = $2 WHERE id = $1`, [club.id, date(-14)]);
  await app.get(CertificatesService).issue(admin, club.id, actor);
}

/** Tess enrolls in Intro to Python herself and staff enroll Riley; Alex holds the Game Jam's one seat and Tess waits for it. */
async function seedEnrollments(app: INestApplicationContext, admin: Principal, { pythonId, gameJamId }: { pythonId: string; gameJamId: string }): Promise<void> {
  const enrollments = app.get(EnrollmentsService);
  const actor = { id: admin.id, kind: 'user' } as const;
  const principalOf = async (name: string): Promise<Principal> => {
    const user = (await app.get(UsersService).findByEmail(email(name)))!;
    return { kind: 'user', id: user.id, role: 'participant', displayName: user.displayName, branchIds: [], sponsorId: null };
  };
  const tess = await principalOf('teen');
  const alex = (await app.get(ParticipantsService).findByUser((await principalOf('adult-teen')).id))!;
  await enrollments.enroll(tess, pythonId, {}, { id: tess.id, kind: 'user' });
  const [riley] = (await app.get(ParticipantsService).list(admin, { limit: 50, q: 'Riley Reed' }, actor)).items;
  await app.get(ConsentsService).record(admin, riley.id, { status: 'granted', guardianName: 'Gina Guardian' }, actor);
  await enrollments.enroll(admin, pythonId, { participantId: riley.id }, actor);
  await enrollments.enroll(admin, gameJamId, { participantId: alex.id }, actor);
  await enrollments.enroll(tess, gameJamId, {}, { id: tess.id, kind: 'user' });
  // Jordan, second on the game jam's waitlist, then asked to be erased (rule 10): the place stays, as "Erased"
  // on the roster, and reports count it by age band; the name, contacts and birth date are gone.
  const year = new Date().getUTCFullYear();
  const { branchId } = await app.get(ProgramsService).get(admin, gameJamId);
  const guardian = { guardianName: 'Gina Guardian', guardianEmail: 'guardian@demo.codeshelf.test' };
  const jordan = await app.get(ParticipantsService).create(admin, { firstName: 'Jordan', lastName: 'Gone', birthDate: `${year - 18}-02-11`, homeBranchId: branchId, ...guardian }, actor);
  await enrollments.enroll(admin, gameJamId, { participantId: jordan.id }, actor);
  await app.get(ErasureService).erase(admin, jordan.id, actor);
}

/**
 * Robotics Club at Central Library offers a freed seat for 48 hours instead of promoting at once: Riley held its
 * one seat and left, so it is offered to Tess (first in line) until the day after tomorrow; Alex waits behind her.
 */
async function seedOfferedSeat(app: INestApplicationContext, admin: Principal, { branches }: Places): Promise<void> {
  const actor = { id: admin.id, kind: 'user' } as const;
  const year = new Date().getUTCFullYear() + 1;
  const programs = app.get(ProgramsService);
  const club = await programs.create(
    admin,
    {
      branchId: branches[0].id,
      title: 'Robotics Club',
      description: 'Build and program small robots, Saturdays.',
      level: 'beginner',
      minAge: 13,
      maxAge: 21,
      capacity: 1,
      startsOn: `${year}-03-06`,
      endsOn: `${year}-05-29`,
      waitlistMode: 'offer',
      offerHours: 48,
    },
    actor,
  );
  await programs.step(admin, club.id, 'publish', actor);
  const participants = app.get(ParticipantsService);
  const teenOf = async (name: string) => (await participants.findByUser((await app.get(UsersService).findByEmail(email(name)))!.id))!;
  const [riley] = (await participants.list(admin, { limit: 50, q: 'Riley Reed' }, actor)).items;
  const enrollments = app.get(EnrollmentsService);
  const seat = await enrollments.enroll(admin, club.id, { participantId: riley.id }, actor);
  for (const teen of [await teenOf('teen'), await teenOf('adult-teen')]) await enrollments.enroll(admin, club.id, { participantId: teen.id }, actor);
  await enrollments.withdraw(admin, seat.id, actor);
}

/**
 * Acme sponsors Scratch to JavaScript and posts an open summer internship. Tess applies privately (Acme sees a
 * pseudonym) and Alex with his profile shared; Acme has shortlisted Alex.
 */
async function seedInternships(app: INestApplicationContext, admin: Principal, { sponsor }: Places): Promise<void> {
  const actor = { id: admin.id, kind: 'user' } as const;
  const [club] = (await app.get(ProgramsService).list(admin, { limit: 1, q: 'Scratch to JavaScript' })).items;
  await app.get(SponsorshipsService).create(admin, sponsor.id, { programId: club.id, startsOn: club.startsOn, endsOn: club.endsOn, amount: 5000 }, actor);
  const internships = app.get(InternshipsService);
  const day = 86_400_000;
  const posting = await internships.create(
    admin,
    {
      sponsorId: sponsor.id,
      title: 'Summer junior developer',
      description: 'Six weeks with our web team: pair with an engineer and ship a small feature.',
      location: 'Acme Robotics, 9 Harbor Way',
      remote: false,
      slots: 2,
      minAge: 15,
      minAttendanceRate: 0.75,
      opensAt: new Date(Date.now() - day).toISOString(),
      closesAt: new Date(Date.now() + 30 * day).toISOString(),
    },
    actor,
  );
  await internships.step(admin, posting.id, 'open', actor);
  const teen = async (name: string): Promise<Principal> => {
    const user = (await app.get(UsersService).findByEmail(email(name)))!;
    return { kind: 'user', id: user.id, role: 'participant', displayName: user.displayName, branchIds: [], sponsorId: null };
  };
  const applications = app.get(ApplicationsService);
  const tess = await teen('teen');
  await applications.apply(tess, posting.id, { statement: 'I want to see how a real team ships code.', shareProfile: false }, { id: tess.id, kind: 'user' });
  const alex = await teen('adult-teen');
  const alexApplied = await applications.apply(alex, posting.id, { statement: 'I built a Scratch game and rewrote it in JavaScript.', shareProfile: true }, { id: alex.id, kind: 'user' });
  await applications.change(admin, alexApplied.id, { status: 'shortlisted' }, actor);
}

/**
 * Central Library's partner schools, and Lincoln Middle School's roster imported twice, as a coordinator does it:
 * first the twelve teens (their guardians get the consent mail; Sofia's and Mateo's in Spanish), then, once ten
 * guardians consented, again into App Inventors (sponsored by Acme): the ten are matched, not created again, and
 * enrolled; the two still waiting are enrolled when their guardians answer. The sponsor's report breaks App Inventors' teens down by school.
 */
async function seedSchoolRoster(app: INestApplicationContext, admin: Principal, { branches, sponsor }: Places): Promise<void> {
  const actor = { id: admin.id, kind: 'user' } as const;
  const central = branches[0].id;
  const schools = app.get(SchoolsService);
  const lincoln = await schools.create(admin, central, { name: 'Lincoln Middle School', contactName: 'Dana Ortiz', contactEmail: 'dortiz@lincoln.example.org', contactPhone: '+1 312 555 0142' }, actor);
  await schools.create(admin, central, { name: 'Roosevelt High School', contactName: 'Lee Park', contactEmail: 'lpark@roosevelt.example.org' }, actor);
  const year = new Date().getUTCFullYear();
  const teens = [
    ['Sofia', 'Morales', 12, 'es'],
    ['Mateo', 'Morales', 13, 'es'],
    ['Liam', 'Carter', 12, 'en'],
    ['Ava', 'Brooks', 13, 'en'],
    ['Noah', 'Kim', 12, 'en'],
    ['Mia', 'Patel', 13, 'en'],
    ['Ethan', 'Nguyen', 12, 'en'],
    ['Zoe', 'Hughes', 13, 'en'],
    ['Lucas', 'Rossi', 12, 'en'],
    ['Chloe', 'Adams', 13, 'en'],
    ['Diego', 'Vargas', 12, 'es'],
    ['Nora', 'Ibrahim', 13, 'en'],
  ] as const;
  const csv = [
    'first_name,last_name,birth_date,school,grade,guardian_name,guardian_email,language',
    ...teens.map(([first, last, age, language], i) =>
      [first, last, `${year - age}-${String((i % 12) + 1).padStart(2, '0')}-1${i % 9}`, 'Lincoln Middle School', age - 5, `Parent ${last}`, `${first.toLowerCase()}.${last.toLowerCase()}.family@demo.codeshelf.test`, language].join(','),
    ),
  ].join('\n');
  const roster = app.get(RosterImportsService);
  const first = await roster.import(admin, central, { schoolId: lincoln.id }, csv, actor);
  // Ten guardians answered the consent mail (recorded here by staff, as a paper form would be).
  for (const row of first.results.slice(0, 10)) await app.get(ConsentsService).record(admin, row.participantId!, { status: 'granted', guardianName: 'Parent' }, actor);
  const next = new Date().getUTCFullYear() + 1;
  const programs = app.get(ProgramsService);
  const inventors = await programs.create(
    admin,
    {
      branchId: central,
      title: 'App Inventors',
      description: 'Build phone apps with blocks, then with code. For middle schoolers.',
      level: 'beginner',
      minAge: 11,
      maxAge: 14,
      capacity: 16,
      startsOn: `${next}-02-02`,
      endsOn: `${next}-05-18`,
    },
    actor,
  );
  await programs.step(admin, inventors.id, 'publish', actor);
  await app.get(SponsorshipsService).create(admin, sponsor.id, { programId: inventors.id, startsOn: inventors.startsOn, endsOn: inventors.endsOn }, actor);
  await roster.import(admin, central, { schoolId: lincoln.id, programId: inventors.id }, csv, actor);
}

/** The demo logins, by the name before @demo.codeshelf.test. */
export const DEMO_LOGINS = ['admin', 'coordinator', 'mentor', 'sponsor', 'teen', 'pending-teen', 'adult-teen'] as const;

/**
 * Seeds the demo library into the application's database unless its admin is already there; answers whether it
 * did, and the demo sponsor's API key (shown once) when it did.
 */
export async function seedDemoLibrary(app: INestApplicationContext): Promise<{ created: boolean; apiKey?: string }> {
  if (await app.get(UsersService).findByEmail(email('admin'))) return { created: false };
  const places = await seedPlacesAndSponsors(app);
  const admin = await seedAccounts(app, places);
  await seedTeens(app, admin, places);
  await seedEnrollments(app, admin, await seedPrograms(app, admin, places));
  await seedRunningClub(app, admin, places);
  await seedCompletedClub(app, admin, places);
  await seedOfferedSeat(app, admin, places);
  await seedInternships(app, admin, places);
  await seedSchoolRoster(app, admin, places);
  const key = await app.get(ApiKeysService).create(places.sponsor.id, 'demo dashboard', { id: admin.id, kind: 'user' });
  return { created: true, apiKey: key.key };
}
