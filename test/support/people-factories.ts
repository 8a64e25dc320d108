import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type AppContext, login, PASSWORD, uniqueEmail } from './identity';

/** A birth date that makes someone `age` today (a month past their birthday, so never on the edge). */
export function birthDateForAge(age: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate() - 30)).toISOString().slice(0, 10);
}

/** A client address of its own, so that sign-ups of different tests never share a rate limit. */
export const someAddress = () => `10.${[...randomBytes(3)].join('.')}`;

export interface SignedUpTeen {
  participantId: string;
  userId: string;
  email: string;
  token: string;
  body: Record<string, unknown>;
}

/** Signs a teen up over HTTP (15 years old unless `overrides` says otherwise) and logs them in. */
export async function signUpTeen(app: NestFastifyApplication, overrides: Record<string, unknown> = {}): Promise<SignedUpTeen> {
  const email = uniqueEmail('teen');
  const body = {
    email,
    password: PASSWORD,
    firstName: 'Ada',
    lastName: `Lovelace-${randomUUID().slice(0, 6)}`,
    birthDate: birthDateForAge(15),
    guardianName: 'Anne Isabella',
    guardianEmail: uniqueEmail('guardian'),
    ...overrides,
  };
  const res = await request(app.getHttpServer()).post('/v1/auth/signup').set('X-Forwarded-For', someAddress()).send(body).expect(201);
  return { participantId: res.body.participant.id, userId: res.body.user.id, email, token: await login(app, email), body: res.body };
}

/** A participant without a login, registered by a coordinator or an admin over HTTP. */
export async function registerParticipant(
  app: NestFastifyApplication,
  staff: { token: string },
  fields: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: string }> {
  const res = await request(app.getHttpServer())
    .post('/v1/participants')
    .set({ Authorization: `Bearer ${staff.token}` })
    .send({
      firstName: 'Grace',
      lastName: `Hopper-${randomUUID().slice(0, 6)}`,
      birthDate: birthDateForAge(14),
      guardianName: 'Walter Murray',
      guardianEmail: uniqueEmail('guardian'),
      ...fields,
    })
    .expect(201);
  return res.body;
}

/** The consent messages queued for a participant's guardian, oldest first. */
export async function consentRequestsOf(app: AppContext, participantId: string): Promise<Record<string, string>[]> {
  const rows: { payload: Record<string, string> }[] = await app
    .get(DataSource)
    .query(`SELECT payload FROM outbox_message WHERE topic = 'guardian.consent_requested' AND payload->>'participantId' = $1 ORDER BY created_at, id`, [
      participantId,
    ]);
  return rows.map((r) => r.payload);
}

/** The token of the latest consent link e-mailed for a participant: the last segment of its URL. */
export async function consentTokenOf(app: AppContext, participantId: string): Promise<string> {
  const requests = await consentRequestsOf(app, participantId);
  if (!requests.length) throw new Error(`no consent request for ${participantId}`);
  return requests[requests.length - 1].consentUrl.split('/').pop()!;
}
