import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { type Club, insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createSponsor, createUser } from './support/identity';
import { pdfOrJson, readPdf } from './support/pdf';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const longDate = (iso: string, locale = 'en-US') => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe('Certificates of completion (HTTP)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  async function session(programId: string, daysAgo: number, minutes = 90): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO session (program_id, starts_at, ends_at, status) VALUES ($1, now() - make_interval(days => $2), now() - make_interval(days => $2) + make_interval(mins => $3), 'scheduled') RETURNING id`,
      [programId, daysAgo, minutes],
    );
    return row.id;
  }

  interface Ended extends Club {
    done: Teen;
    short: Teen;
    always: Teen;
    branchName: string;
    sponsorName: string;
  }

  /**
   * A program that ran from 30 to 2 days ago at 0.75, sponsored, with three teens over four 90-minute sessions:
   * `done` came to 3 (one late, 4.5 h: exactly the threshold), `short` to 1, `always` to all 4 (6 h).
   */
  async function endedProgram(): Promise<Ended> {
    const club = await publishedProgram(app, { startsOn: isoDate(Date.now() - 30 * DAY), endsOn: isoDate(Date.now() - 2 * DAY), minAge: 10, maxAge: 19, completionThreshold: 0.75 });
    const [done, short, always] = await insertTeens(app, 3);
    const tag = randomUUID().slice(0, 6);
    await db.query(`UPDATE participant SET first_name = 'Marisol', last_name = 'Quintero-' || $2 WHERE id = $1`, [done.participantId, tag]);
    await db.query(`UPDATE program SET enrolled_count = 3 WHERE id = $1`, [club.program.id]);
    await db.query(
      `INSERT INTO enrollment (program_id, participant_id, status, source, enrolled_at) SELECT $1, unnest($2::uuid[]), 'enrolled', 'self', now() - interval '29 days'`,
      [club.program.id, [done, short, always].map((t) => t.participantId)],
    );
    const marks = [
      ['present', 'present', 'present'],
      ['late', 'absent', 'present'],
      ['present', 'absent', 'present'],
      ['absent', 'absent', 'present'],
    ];
    for (const [i, days] of [20, 15, 10, 5].entries()) {
      const sessionId = await session(club.program.id, days);
      const res = await request(http)
        .put(`/v1/sessions/${sessionId}/attendance`)
        .set(bearer(club.coordinator))
        .send({ records: [done, short, always].map((t, j) => ({ participantId: t.participantId, status: marks[i][j] })) });
      expect(res.status).toBe(200);
    }
    const sponsorName = `Acme Robotics ${tag}`;
    const sponsorId = await createSponsor(app, sponsorName);
    await db.query(`INSERT INTO sponsorship (sponsor_id, program_id, starts_on, ends_on) VALUES ($1, $2, $3, $4)`, [sponsorId, club.program.id, club.program.startsOn, club.program.endsOn]);
    const [{ name: branchName }] = await db.query(`SELECT name FROM branch WHERE id = $1`, [club.branchId]);
    return { ...club, done, short, always, branchName, sponsorName };
  }

  const issue = (who: { token: string }, programId: string) => request(http).post(`/v1/programs/${programId}/certificates`).set(bearer(who));
  const pdfOf = (who: { token: string }, id: string, language?: string) =>
    request(http).get(`/v1/certificates/${id}/pdf`).query(language ? { language } : {}).set(bearer(who)).buffer(true).parse(pdfOrJson as never);
  const verify = (code: string) => request(http).get(`/v1/certificates/verify/${code}`);
  const codeOf = (url: string) => url.split('/').pop()!;

  it('issues a certificate to each teen who completed, in one call, and none on a second call', async () => {
    const club = await endedProgram();
    const first = await issue(club.coordinator, club.program.id).expect(201);
    expect(first.body).toMatchObject({ issued: 2, alreadyIssued: 0, notCompleted: 1 });
    expect(first.body.items.map((c: { participantId: string }) => c.participantId).sort()).toEqual([club.done.participantId, club.always.participantId].sort());
    const done = first.body.items.find((c: { participantId: string }) => c.participantId === club.done.participantId);
    expect(done).toMatchObject({ firstName: 'Marisol', hoursAttended: 4.5, status: 'valid', programTitle: club.program.title });
    expect(first.body.items.find((c: { participantId: string }) => c.participantId === club.always.participantId).hoursAttended).toBe(6);
    // 144 random bits, URL-safe.
    expect(codeOf(done.verificationUrl)).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(done.verificationUrl).toBe(`http://localhost:3000/certificates/verify/${codeOf(done.verificationUrl)}`);

    const again = await issue(club.coordinator, club.program.id).expect(201);
    expect(again.body).toMatchObject({ issued: 0, alreadyIssued: 2, notCompleted: 1, items: [] });
    const list = await request(http).get(`/v1/programs/${club.program.id}/certificates`).set(bearer(club.coordinator)).expect(200);
    expect(list.body.items).toHaveLength(2);
    const [audit] = await db.query(`SELECT changes FROM audit_event WHERE action = 'certificate.issued' AND entity_id = $1`, [club.program.id]);
    expect(audit.changes.participantIds.sort()).toEqual([club.done.participantId, club.always.participantId].sort());
    const [{ count }] = await db.query(`SELECT count(*)::int FROM audit_event WHERE action = 'certificate.issued' AND entity_id = $1`, [club.program.id]);
    expect(count).toBe(1);
  });

  it('two coordinators issuing at once give each teen one certificate', async () => {
    const club = await endedProgram();
    const admin = await createUser(app, 'admin');
    const [a, b] = await Promise.all([issue(club.coordinator, club.program.id), issue(admin, club.program.id)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.issued + b.body.issued).toBe(2);
    const [{ count }] = await db.query(`SELECT count(*)::int FROM certificate WHERE program_id = $1`, [club.program.id]);
    expect(count).toBe(2);
  });

  it('refuses to issue before the program has ended, and to another branch’s coordinator', async () => {
    const running = await publishedProgram(app, { startsOn: isoDate(Date.now() - 10 * DAY), endsOn: isoDate(Date.now() + 10 * DAY) });
    const res = await issue(running.coordinator, running.program.id).expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('program-not-ended');
    const club = await endedProgram();
    expect((await issue(running.coordinator, club.program.id).expect(403)).body.code).toBe('branch-not-yours');
    await request(http).get(`/v1/programs/${club.program.id}/certificates`).set(bearer(running.coordinator)).expect(403);
    await issue(club.coordinator, randomUUID()).expect(404);
  });

  it('makes a PDF that carries the name, program, branch, dates, hours, library, sponsor, the verification URL and its QR code', async () => {
    const club = await endedProgram();
    const { body } = await issue(club.coordinator, club.program.id).expect(201);
    const certificate = body.items.find((c: { participantId: string }) => c.participantId === club.done.participantId);
    const [{ last_name: lastName }] = await db.query(`SELECT last_name FROM participant WHERE id = $1`, [club.done.participantId]);

    const res = await pdfOf(club.done, certificate.id).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="certificate-[a-z0-9-]+\.pdf"$/);
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await readPdf(res.body);
    for (const expected of [
      'Certificate of Completion',
      `Marisol ${lastName}`,
      String(club.program.title),
      club.branchName,
      longDate(String(club.program.startsOn)),
      longDate(String(club.program.endsOn)),
      '4.5 hours attended',
      'Presented by Codeshelf Public Library',
      `Sponsored by ${club.sponsorName}`,
      certificate.verificationUrl,
    ]) {
      expect(pdf.text).toContain(expected);
    }
    // The QR code: one square image.
    expect(pdf.pages).toBe(1);
    expect(pdf.images).toEqual([{ width: expect.any(Number), height: expect.any(Number) }]);
    expect(pdf.images[0].width).toBe(pdf.images[0].height);
    expect(res.body.length).toBeLessThan(200_000);

    // Staff of the branch get it too; in Spanish when asked.
    const es = await readPdf((await pdfOf(club.coordinator, certificate.id, 'es').expect(200)).body);
    expect(es.text).toContain('Certificado de finalización');
    expect(es.text).toContain('4,5 horas de asistencia');
    expect(es.text).toContain(longDate(String(club.program.startsOn), 'es-ES'));
    const bad = await pdfOf(club.coordinator, certificate.id, 'fr').expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'language' });
  });

  it('gives the PDF to nobody else: another teen and another branch’s coordinator get 404, a sponsor 403', async () => {
    const club = await endedProgram();
    const { body } = await issue(club.coordinator, club.program.id).expect(201);
    const certificate = body.items.find((c: { participantId: string }) => c.participantId === club.done.participantId);
    await pdfOf(club.always, certificate.id).expect(404);
    const other = await publishedProgram(app);
    await pdfOf(other.coordinator, certificate.id).expect(404);
    await request(http).post(`/v1/certificates/${certificate.id}/revoke`).set(bearer(other.coordinator)).send({ reason: 'Not mine to revoke' }).expect(404);
    await pdfOf(await createUser(app, 'sponsor'), certificate.id).expect(403);
    await pdfOf(await createUser(app, 'mentor'), certificate.id).expect(403);
    await pdfOf(club.done, randomUUID()).expect(404);

    const mine = await request(http).get('/v1/me/certificates').set(bearer(club.done)).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: certificate.id, programTitle: club.program.title, status: 'valid', hoursAttended: 4.5 })]);
    expect((await request(http).get('/v1/me/certificates').set(bearer(club.short)).expect(200)).body.items).toEqual([]);
  });

  it('says in public whether a certificate is genuine, revoked or forged, naming no more than first name and last initial', async () => {
    const club = await endedProgram();
    const { body } = await issue(club.coordinator, club.program.id).expect(201);
    const certificate = body.items.find((c: { participantId: string }) => c.participantId === club.done.participantId);
    const code = codeOf(certificate.verificationUrl);

    const genuine = await verify(code).expect(200);
    expect(genuine.body).toEqual({ genuine: true, status: 'valid', firstName: 'Marisol', lastInitial: 'Q.', programTitle: club.program.title, issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(JSON.stringify(genuine.body)).not.toMatch(new RegExp(`${club.done.participantId}|Quintero|${club.branchName}`));

    for (const forged of [randomBytes(18).toString('base64url'), `${code.slice(0, 23)}${code[23] === 'A' ? 'B' : 'A'}`, 'not-a-code', 'x'.repeat(64)]) {
      const res = await verify(forged).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('certificate-not-genuine');
    }

    await request(http).post(`/v1/certificates/${certificate.id}/revoke`).set(bearer(club.coordinator)).send({}).expect(400);
    const revoked = await request(http).post(`/v1/certificates/${certificate.id}/revoke`).set(bearer(club.coordinator)).send({ reason: 'Attendance was corrected' }).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'Attendance was corrected' });
    expect((await verify(code).expect(200)).body).toEqual({ genuine: false, status: 'revoked', revokedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await request(http).post(`/v1/certificates/${certificate.id}/revoke`).set(bearer(club.coordinator)).send({ reason: 'Again' }).expect(409)).body.code).toBe('certificate-revoked');
    expect((await pdfOf(club.done, certificate.id).expect(409)).body.code).toBe('certificate-revoked');
    // A revoked certificate is not issued again.
    expect((await issue(club.coordinator, club.program.id).expect(201)).body).toMatchObject({ issued: 0, alreadyIssued: 2 });
  });

  it('an erased teen’s certificate names nobody: not in public, not in the list, and no PDF', async () => {
    const club = await endedProgram();
    const { body } = await issue(club.coordinator, club.program.id).expect(201);
    const certificate = body.items.find((c: { participantId: string }) => c.participantId === club.done.participantId);
    const admin = await createUser(app, 'admin');
    await request(http).delete(`/v1/participants/${club.done.participantId}`).set(bearer(admin)).expect(204);

    const res = await verify(codeOf(certificate.verificationUrl)).expect(200);
    expect(res.body).toEqual({ genuine: false, status: 'erased' });
    expect((await pdfOf(club.coordinator, certificate.id).expect(410)).body.code).toBe('certificate-erased');
    const list = await request(http).get(`/v1/programs/${club.program.id}/certificates`).set(bearer(club.coordinator)).expect(200);
    expect(list.body.items.find((c: { id: string }) => c.id === certificate.id)).toMatchObject({ firstName: 'Erased', lastName: '', status: 'erased' });
    expect(JSON.stringify(list.body)).not.toContain('Marisol');
  });
});
