import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { publishedProgram } from '../../support/enrollment-factories';
import { bearer, createUser, type TestUser } from '../../support/identity';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Club {
  branchId: string;
  programId: string;
  title: string;
  coordinator: TestUser;
  /** A session starting in ten minutes: its check-in is open now. */
  sessionId: string;
  internship: { id: string; title: string };
}

/**
 * What staff and a sponsor set up before the teens come, through the API: a one-seat club running now (ages 10–19,
 * waitlist on) with a session about to start, and an open internship any teen of 14 may apply to.
 */
export async function oneSeatClub(app: NestFastifyApplication, label: string): Promise<Club> {
  const http = app.getHttpServer();
  const title = `${label} club ${randomUUID().slice(0, 6)}`;
  const { branchId, program, coordinator } = await publishedProgram(app, {
    title,
    capacity: 1,
    waitlistEnabled: true,
    minAge: 10,
    maxAge: 19,
    startsOn: isoDate(Date.now() - 7 * DAY),
    endsOn: isoDate(Date.now() + 60 * DAY),
  });
  const startsAt = new Date(Date.now() + 10 * 60_000);
  const session = await request(http)
    .post(`/v1/programs/${program.id}/sessions`)
    .set(bearer(coordinator))
    .send({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(), topic: 'Build a game' })
    .expect(201);

  const sponsor = await createUser(app, 'sponsor');
  const internshipTitle = `${label} intern ${randomUUID().slice(0, 6)}`;
  const created = await request(http)
    .post('/v1/internships')
    .set(bearer(sponsor))
    .send({
      title: internshipTitle,
      description: 'Build a feature with our team.',
      location: 'Central Library',
      remote: false,
      slots: 2,
      minAge: 14,
      minAttendanceRate: 0,
      opensAt: new Date(Date.now() - DAY).toISOString(),
      closesAt: new Date(Date.now() + 7 * DAY).toISOString(),
    })
    .expect(201);
  await request(http).post(`/v1/internships/${created.body.id}/open`).set(bearer(sponsor)).expect(200);
  // Earlier test files of this jest worker leave open postings behind, and the page lists the first 100 open ones,
  // oldest first: closing theirs (their files are done) keeps this one on the page however many came before.
  await app.get(DataSource).query(`UPDATE internship SET status = 'closed' WHERE status = 'open' AND id <> $1`, [created.body.id]);
  return { branchId, programId: program.id, title, coordinator, sessionId: session.body.id, internship: { id: created.body.id, title: internshipTitle } };
}

/** The check-in code a coordinator puts on the screen, generated through the API. */
export async function checkInCode(app: NestFastifyApplication, club: Club): Promise<string> {
  const res = await request(app.getHttpServer()).post(`/v1/sessions/${club.sessionId}/check-in-code`).set(bearer(club.coordinator)).expect(201);
  return res.body.code;
}

/** A participant's enrollment in the club as the database has it. */
export async function enrollmentOf(app: NestFastifyApplication, club: Club, email: string): Promise<{ status: string; waitlist_position: number | null } | undefined> {
  const [row] = await app.get(DataSource).query(
    `SELECT e.status, e.waitlist_position FROM enrollment e JOIN participant p ON p.id = e.participant_id JOIN user_account u ON u.id = p.user_id
      WHERE e.program_id = $1 AND u.email = $2 ORDER BY e.created_at DESC LIMIT 1`,
    [club.programId, email.toLowerCase()],
  );
  return row;
}
