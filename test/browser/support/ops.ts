import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { email, PASSWORD as DEMO_PASSWORD } from '../../../scripts/demo-library';
import { insertTeens, type Teen } from '../../support/enrollment-factories';
import { bearer, login } from '../../support/identity';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface OpsClub {
  programId: string;
  title: string;
  /** The demo coordinator (Cora), who runs both demo branches. */
  cora: { token: string };
  sessionId: string;
}

/**
 * A club of the demo's Central Library made for one test, through the API as the demo coordinator: running since last
 * week, `capacity` seats with a waitlist, one session `sessionAt` (its roll call and check-in open), Max leading it
 * when `withMax`. Other test files share the demo library, so nothing of the demo's own is changed.
 */
export async function opsClub(
  app: NestFastifyApplication,
  label: string,
  { capacity, sessionAt, withMax = false }: { capacity: number; sessionAt: { startsAt: Date; minutes: number }; withMax?: boolean },
): Promise<OpsClub> {
  const http = app.getHttpServer();
  const cora = { token: await login(app, email('coordinator'), DEMO_PASSWORD) };
  const branches = (await request(http).get('/v1/branches').expect(200)).body.items as { id: string; name: string }[];
  const central = branches.find((b) => b.name === 'Central Library')!;
  const title = `${label} ${randomUUID().slice(0, 6)}`;
  const program = (
    await request(http)
      .post('/v1/programs')
      .set(bearer(cora))
      .send({ branchId: central.id, title, level: 'beginner', minAge: 10, maxAge: 19, capacity, startsOn: isoDate(Date.now() - 7 * DAY), endsOn: isoDate(Date.now() + 60 * DAY) })
      .expect(201)
  ).body;
  const { startsAt, minutes } = sessionAt;
  const session = (
    await request(http)
      .post(`/v1/programs/${program.id}/sessions`)
      .set(bearer(cora))
      .send({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(), topic: 'Loops' })
      .expect(201)
  ).body;
  await request(http).post(`/v1/programs/${program.id}/publish`).set(bearer(cora)).expect(200);
  if (withMax) {
    const [max] = await app.get(DataSource).query(`SELECT m.id FROM mentor m JOIN user_account u ON u.id = m.user_id WHERE u.email = $1`, [email('mentor')]);
    await request(http).put(`/v1/sessions/${session.id}/mentors/${max.id}`).set(bearer(cora)).send({ role: 'lead' }).expect(200);
  }
  return { programId: program.id, title, cora, sessionId: session.id };
}

/** Teens of Central Library with accounts and consent, named `first` and a last name of their own (so a search finds exactly them). */
export async function centralTeens(app: NestFastifyApplication, firstNames: string[]): Promise<(Teen & { firstName: string; lastName: string })[]> {
  const db = app.get(DataSource);
  const teens = await insertTeens(app, firstNames.length);
  const [central] = await db.query(`SELECT id FROM branch WHERE name = 'Central Library'`);
  return Promise.all(
    teens.map(async (teen, i) => {
      const lastName = `Ops${randomUUID().slice(0, 6)}`;
      await db.query(`UPDATE participant SET first_name = $2, last_name = $3, home_branch_id = $4 WHERE id = $1`, [teen.participantId, firstNames[i], lastName, central.id]);
      return { ...teen, firstName: firstNames[i], lastName };
    }),
  );
}

/** A teen takes a place themself, through the API. */
export async function selfEnroll(app: NestFastifyApplication, programId: string, teen: Teen): Promise<{ id: string; status: string; waitlistPosition: number | null }> {
  return (await request(app.getHttpServer()).post(`/v1/programs/${programId}/enrollments`).set(bearer(teen)).expect(201)).body;
}
