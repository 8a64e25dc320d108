import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { teensSharing, type ShownApplicant } from './support/applicant-cohort';
import { startTestApp } from './support/app';
import { insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createSponsor, createUser, type TestUser } from './support/identity';

/** GET routes a sponsor cannot reach with anything it holds, and why; every other one is walked. */
const NOT_FOR_SPONSORS: Record<string, string> = {
  'GET /v1/consents/{token}': 'the token exists only in the e-mail to the guardian; the database keeps its hash',
  'GET /v1/certificates/verify/{code}':
    'the code is printed only on the teen’s own certificate; whoever the teen hands it to sees what it is for (first name, last initial, program, date)',
};

type Kind = 'sharedName' | 'private';

interface Marked extends Teen {
  markers: Record<string, string>;
}

/**
 * Issue 11's audit: everything a sponsor (user or API key) can read, on every GET route of the OpenAPI
 * document, holds no teen's name, contact, birth date or guardian, except the name and contact of a teen
 * who shared their profile with that very sponsor, in that sponsor's applications. The routes come from
 * /docs-json, so a route added later is walked the day it is added.
 */
describe('Minors’ data seen by sponsors (every GET route)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;
  const ids: Record<string, string[]> = {};
  let ours: { sponsorId: string; user: TestUser; key: string };
  let sharing: Marked; // applied to our sponsor's posting, sharing their profile
  let privateApplicant: Marked; // applied to our sponsor's posting without sharing
  let elsewhere: Marked; // shared their profile with another sponsor, applied to ours without sharing
  let bystander: Marked; // only enrolled
  let sharedApplication: { internshipId: string; applicationId: string };
  const titles = { sponsored: [] as string[], notOurs: [] as string[] };

  const add = (kind: string, ...values: string[]) => (ids[kind] = [...(ids[kind] ?? []), ...values]);

  /** Distinctive values in every personal field, so that any copy of one is found. */
  async function mark(teen: Teen, birthDate: string): Promise<Marked> {
    const t = randomUUID().replace(/-/g, '').slice(0, 10);
    const markers = {
      firstName: `Mfirst${t}`,
      lastName: `Mlast${t}`,
      contactEmail: `mcontact-${t}@example.org`,
      school: `Mschool${t}`,
      guardianName: `Mguardian${t}`,
      guardianEmail: `mguardian-${t}@example.org`,
      guardianPhone: `+1 555 ${t.replace(/\D/g, '').padEnd(7, '3').slice(0, 7)}`,
      postalCode: `MP${t}`,
      birthDate,
    };
    await db.query(
      `UPDATE participant SET first_name = $2, last_name = $3, contact_email = $4, school = $5, guardian_name = $6, guardian_email = $7, guardian_phone = $8, postal_code = $9, birth_date = $10 WHERE id = $1`,
      [teen.participantId, ...Object.values(markers)],
    );
    const [{ email }] = await db.query(`SELECT email FROM user_account WHERE id = $1`, [teen.userId]);
    await db.query(`UPDATE user_account SET display_name = $2 WHERE id = $1`, [teen.userId, `${markers.firstName} ${markers.lastName}`]);
    return { ...teen, markers: { ...markers, loginEmail: email } };
  }

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
    const admin = await createUser(app, 'admin');
    const term = { startsOn: '2025-09-01', endsOn: '2025-10-31', minAge: 12, maxAge: 18 };
    const club = await publishedProgram(app, term);
    const other = await publishedProgram(app, term);
    const future = await publishedProgram(app);
    // "Robotics at Eastside": a club of our sponsor's where the private applicant is the only teen.
    const tiny = await publishedProgram(app, term);
    add('programs', club.program.id, other.program.id, future.program.id, tiny.program.id);
    add('branches', club.branchId, other.branchId, future.branchId, tiny.branchId);
    titles.sponsored.push(String(club.program.title), String(tiny.program.title));
    titles.notOurs.push(String(other.program.title), String(future.program.title));

    const sponsorId = await createSponsor(app);
    const otherSponsorId = await createSponsor(app);
    add('sponsors', sponsorId, otherSponsorId);
    const user = await createUser(app, 'sponsor', { sponsorId });
    const key = (await request(http).post(`/v1/sponsors/${sponsorId}/api-keys`).set(bearer(admin)).send({ name: 'audit' }).expect(201)).body.key;
    ours = { sponsorId, user, key };
    await request(http).post(`/v1/sponsors/${sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: club.program.id, startsOn: term.startsOn, endsOn: term.endsOn }).expect(201);
    await request(http).post(`/v1/sponsors/${otherSponsorId}/sponsorships`).set(bearer(admin)).send({ programId: other.program.id, startsOn: term.startsOn, endsOn: term.endsOn }).expect(201);
    await request(http).post(`/v1/sponsors/${sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: tiny.program.id, startsOn: term.startsOn, endsOn: term.endsOn }).expect(201);

    const teens = await insertTeens(app, 16, { birthDate: '2011-03-01' });
    [sharing, privateApplicant, elsewhere, bystander] = [
      await mark(teens[0], '2011-02-03'),
      await mark(teens[1], '2011-06-07'),
      await mark(teens[2], '2011-10-11'),
      await mark(teens[3], '2010-12-13'),
    ];
    add('participants', ...teens.map((t) => t.participantId));
    add('users', ...teens.map((t) => t.userId), user.id, admin.id);

    // Everyone holds a seat in our sponsor's club, the marked four in the other one and the future one too, the private applicant in tiny.
    const seats = [[club.program.id, teens], [other.program.id, teens.slice(0, 4)], [future.program.id, teens.slice(0, 4)], [tiny.program.id, [privateApplicant]]] as const;
    for (const [programId, seated] of seats) {
      await db.query(`UPDATE program SET enrolled_count = $2 WHERE id = $1`, [programId, seated.length]);
      const rows: { id: string }[] = await db.query(
        `INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at, created_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'self', '2025-08-25', '2025-08-25' RETURNING id`,
        [programId, seated.map((t) => t.participantId)],
      );
      add('enrollments', ...rows.map((r) => r.id));
    }
    // Certificates of the marked four in our sponsor's club: their PDFs are the teens' own.
    const certificates: { id: string }[] = await db.query(
      `INSERT INTO certificate (program_id, participant_id, code, hours_attended) SELECT $1, p, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 3 FROM unnest($2::uuid[]) p RETURNING id`,
      [club.program.id, teens.slice(0, 4).map((t) => t.participantId)],
    );
    add('certificates', ...certificates.map((c) => c.id));
    const mentorUser = await createUser(app, 'mentor');
    const [{ id: mentorId }] = await db.query(`INSERT INTO mentor (user_id, employer_sponsor_id) VALUES ($1, $2) RETURNING id`, [mentorUser.id, sponsorId]);
    add('mentors', mentorId);
    for (const [programId, day] of [[club.program.id, '2025-09-10'], [club.program.id, '2025-10-08'], [other.program.id, '2025-09-11']] as const) {
      const [{ id: sessionId }] = await db.query(
        `INSERT INTO session (program_id, starts_at, ends_at, topic) VALUES ($1, ($2 || ' 16:00 America/Chicago')::timestamptz, ($2 || ' 17:30 America/Chicago')::timestamptz, 'Loops') RETURNING id`,
        [programId, day],
      );
      add('sessions', sessionId);
      await db.query(`INSERT INTO attendance (session_id, participant_id, status, method, note) SELECT $1, unnest($2::uuid[]), 'present', 'roll_call', $3`, [
        sessionId,
        (programId === club.program.id ? teens.slice(0, 12) : teens.slice(0, 4)).map((t) => t.participantId),
        `${sharing.markers.firstName} and ${privateApplicant.markers.firstName} paired up`,
      ]);
      await db.query(`INSERT INTO session_mentor (session_id, mentor_id, role, starts_at, ends_at) SELECT id, $2, 'lead', starts_at, ends_at FROM session WHERE id = $1`, [sessionId, mentorId]);
      await db.query(`INSERT INTO mentor_attendance (session_id, mentor_id, status) VALUES ($1, $2, 'present')`, [sessionId, mentorId]);
    }

    const internship = async (owner: string) =>
      (
        await db.query(
          `INSERT INTO internship (sponsor_id, title, slots, opens_at, closes_at, status, min_age, min_attendance_rate) VALUES ($1, 'Junior dev', 2, now() - interval '1 day', now() + interval '30 days', 'open', 14, 0.5) RETURNING id`,
          [owner],
        )
      )[0].id as string;
    const ourPosting = await internship(sponsorId);
    const theirPosting = await internship(otherSponsorId);
    add('internships', ourPosting, theirPosting);
    const apply = async (internshipId: string, teen: Marked, share: boolean) =>
      (
        await db.query(`INSERT INTO application (internship_id, participant_id, statement, share_profile) VALUES ($1, $2, $3, $4) RETURNING id`, [
          internshipId,
          teen.participantId,
          `I love building games, since I was ten.`,
          share,
        ])
      )[0].id as string;
    sharedApplication = { internshipId: ourPosting, applicationId: await apply(ourPosting, sharing, true) };
    // The teen who shares with the other sponsor applies to ours too, without sharing: what they gave the other stays there.
    add('applications', sharedApplication.applicationId, await apply(ourPosting, privateApplicant, false), await apply(theirPosting, elsewhere, true), await apply(ourPosting, elsewhere, false));
    const [{ id: webhookId }] = await db.query(
      `INSERT INTO webhook_endpoint (sponsor_id, url, events, secret) VALUES ($1, 'https://hooks.example.org/codeshelf', '{application.submitted}', 'shh') RETURNING id`,
      [sponsorId],
    );
    add('webhooks', webhookId);
  });

  afterAll(async () => {
    await app.close();
  });

  interface Answer {
    url: string;
    status: number;
    body: string;
  }

  /** The kind of id a path parameter takes: `{sponsorId}` a sponsor, `{id}` the kind its segment names. */
  function kindOf(path: string, param: string): string {
    if (param !== 'id') return `${param.replace(/Id$/, '')}s`;
    const segments = path.split('/');
    return segments[segments.indexOf(`{${param}}`) - 1];
  }

  /** Every URL of a route with its path parameters filled from the seeded ids, or why it cannot be. */
  function urlsOf(path: string): string[] | string {
    const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    let urls = [path];
    for (const param of params) {
      const values = ids[kindOf(path, param)];
      if (!values?.length) return `no ${kindOf(path, param)} id for {${param}}`;
      urls = urls.flatMap((url) => values.map((v) => url.replace(`{${param}}`, v)));
    }
    return urls;
  }

  /** A GET and every further page its cursor leads to; reports also as CSV. */
  async function fetchAll(url: string, auth: Record<string, string>, paged: boolean): Promise<Answer[]> {
    const answers: Answer[] = [];
    let cursor: string | null = null;
    do {
      // Small pages, so that following the cursor is part of the walk.
      const res: request.Response = await request(http).get(url).query(paged ? { limit: 2, ...(cursor ? { cursor } : {}) } : {}).set(auth);
      answers.push({ url, status: res.status, body: res.text ?? '' });
      cursor = res.status === 200 && res.body && typeof res.body.nextCursor === 'string' ? res.body.nextCursor : null;
    } while (cursor);
    if (url.includes('/reports/')) {
      const csv = await request(http).get(url).set(auth).set('Accept', 'text/csv');
      answers.push({ url: `${url} (text/csv)`, status: csv.status, body: csv.text ?? '' });
    }
    return answers;
  }

  /** Which markers a body holds, and whether each one is a shared name/contact or private (birth date, guardian, postal code). */
  function leaksIn(answer: Answer, teens: Marked[]): string[] {
    const found: string[] = [];
    for (const teen of teens) {
      for (const [field, value] of Object.entries(teen.markers)) {
        if (!answer.body.toLowerCase().includes(value.toLowerCase())) continue;
        const kind: Kind = ['firstName', 'lastName', 'contactEmail', 'loginEmail', 'school'].includes(field) ? 'sharedName' : 'private';
        const ownSharedApplicant = teen === sharing && kind === 'sharedName' && answer.url.startsWith(`/v1/internships/${sharedApplication.internshipId}/applications`);
        if (!ownSharedApplicant) found.push(`${answer.url} → ${answer.status} holds ${field} of ${teen === sharing ? 'the sharing teen' : teen === elsewhere ? 'the teen sharing with another sponsor' : 'a teen'}`);
      }
    }
    return found;
  }

  it.each(['sponsor user', 'sponsor API key'])('shows a %s no teen’s personal data on any GET route, the sharing applicant’s name aside', async (who) => {
    const auth = who === 'sponsor user' ? bearer(ours.user) : { 'X-API-Key': ours.key };
    const doc = (await request(http).get('/docs-json').expect(200)).body as { paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }> };
    const routes = Object.entries(doc.paths).filter(([, ops]) => ops.get).map(([path, ops]) => ({ path, paged: !!ops.get!.parameters?.some((p) => p.in === 'query' && p.name === 'cursor') }));
    expect(routes.length).toBeGreaterThan(30);
    const unfilled: string[] = [];
    const answers: Answer[] = [];
    for (const { path, paged } of routes) {
      if (NOT_FOR_SPONSORS[`GET ${path}`]) continue;
      const urls = urlsOf(path);
      if (typeof urls === 'string') {
        unfilled.push(`GET ${path}: ${urls}`);
        continue;
      }
      for (const url of urls) answers.push(...(await fetchAll(url, auth, paged)));
    }
    expect(unfilled).toEqual([]);
    const leaks = answers.flatMap((a) => leaksIn(a, [sharing, privateApplicant, elsewhere, bystander]));
    expect(leaks).toEqual([]);

    // The walk reached what a sponsor may see, so an empty list above means something.
    const ok = answers.filter((a) => a.status === 200).map((a) => a.url);
    expect(ok).toEqual(expect.arrayContaining([`/v1/internships/${sharedApplication.internshipId}/applications`, `/v1/reports/sponsors/${ours.sponsorId}/outcomes`]));
    expect(ok.length - new Set(ok).size).toBeGreaterThan(0); // some list was followed past its first page
    const shared = answers.find((a) => a.url === `/v1/internships/${sharedApplication.internshipId}/applications` && a.status === 200)!;
    expect(shared.body).toContain(sharing.markers.firstName);
  });
  type Seen = ShownApplicant & { shared: boolean; pseudonym: string };

  /** Every number anywhere in a JSON value, with where it is. */
  const numbersIn = (value: unknown, at = ''): string[] =>
    typeof value === 'number' ? [`${at}=${value}`] : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${at}.${k}`)) : [];

  it.each(['sponsor user', 'sponsor API key'])(
    'tells a %s of a private applicant, on every applications route, no program outside its sponsorships, no exact rate, nothing unique to one teen',
    async (who) => {
      const auth = who === 'sponsor user' ? bearer(ours.user) : { 'X-API-Key': ours.key };
      const doc = (await request(http).get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
      const operations = Object.entries(doc.paths)
        .filter(([path]) => path.includes('/applications'))
        .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, paged: !!op.parameters?.some((p) => p.in === 'query' && p.name === 'cursor') })));
      expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
        ['get /v1/internships/{id}/applications', 'get /v1/me/applications', 'patch /v1/applications/{id}', 'post /v1/internships/{id}/applications'].sort(),
      );
      const answers: Answer[] = [];
      for (const { path, method, paged } of operations) {
        const urls = urlsOf(path);
        if (typeof urls === 'string') throw new Error(`${method} ${path}: ${urls}`);
        for (const url of urls) {
          if (method === 'get') answers.push(...(await fetchAll(url, auth, paged)));
          // Writes get a body that changes nothing (the teen's step, or an application from a sponsor), so the walk leaves every application as it was.
          else {
            const res = await request(http)[method as 'patch'](url).set(auth).send(method === 'patch' ? { status: 'accepted' } : { statement: 'Hi', shareProfile: false });
            expect(res.status).toBeGreaterThanOrEqual(400);
            answers.push({ url: `${method.toUpperCase()} ${url}`, status: res.status, body: res.text ?? '' });
          }
        }
      }

      const problems: string[] = [];
      const privateSeen: { url: string; internshipId: string; applicant: Seen }[] = [];
      for (const answer of answers) {
        const body = answer.status === 200 ? JSON.parse(answer.body) : null;
        const items: { applicant?: Seen }[] = Array.isArray(body?.items) ? body.items : [];
        const privateItems = items.filter((i) => i.applicant && !i.applicant.shared);
        // Outside the items of teens who shared, not a word of another program: anything else in the answer is about private applicants, or no applicant.
        const rest = JSON.stringify(body ? { ...body, items: privateItems } : answer.body);
        for (const title of titles.notOurs) if (rest.includes(title)) problems.push(`${answer.url} names ${title}, a program our sponsor does not sponsor`);
        for (const item of privateItems) {
          const applicant = item.applicant!;
          if ('attendanceRate' in applicant) problems.push(`${answer.url} gives a private applicant's attendanceRate`);
          problems.push(...numbersIn(item).map((n) => `${answer.url} has a number ${n} on a private applicant`));
          for (const { title } of applicant.programs) if (!titles.sponsored.includes(title)) problems.push(`${answer.url} names ${title} for a private applicant`);
          privateSeen.push({ url: answer.url, internshipId: answer.url.split('/')[3], applicant });
        }
      }
      for (const { url, internshipId, applicant } of privateSeen) {
        const cover = await teensSharing(db, internshipId, applicant);
        if (cover < 10) problems.push(`${url}: ${applicant.pseudonym}'s profile ${JSON.stringify(applicant)} fits ${cover} teen(s), under REPORT_MIN_CELL`);
      }
      expect(problems).toEqual([]);

      // The walk saw both private applicants (each page of two), with what the sponsor may know: the club they share with eleven others, not tiny.
      const ofPosting = privateSeen.filter((p) => p.internshipId === sharedApplication.internshipId);
      expect(new Set(ofPosting.map((p) => p.applicant.pseudonym)).size).toBe(2);
      for (const { applicant } of ofPosting) {
        expect(applicant.eligibility).toEqual({ eligible: true, minAge: true, minAttendanceRate: true });
        expect(applicant.programs).toEqual([{ title: titles.sponsored[0] }]);
      }
    },
  );
});
