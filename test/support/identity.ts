import { type Principal, type Role, UsersService } from '@codeshelf/identity';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

/** What the factories below need of an app: its providers, not its HTTP server. */
export type AppContext = Pick<INestApplicationContext, 'get'>;

/** A staff account as the services see it: its id and email, and the principal its login would give. */
export interface Account {
  id: string;
  email: string;
  role: Role;
  principal: Principal;
}

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.codeshelf.invalid`;

/** Inserts a branch straight into the database and answers its id. */
export async function createBranch(app: AppContext, name = `Branch ${randomUUID().slice(0, 6)}`): Promise<string> {
  const [row] = await app.get(DataSource).query(`INSERT INTO branch (name, timezone) VALUES ($1, 'America/Chicago') RETURNING id`, [name]);
  return row.id;
}

export async function createSponsor(app: AppContext, name = `Sponsor ${randomUUID().slice(0, 6)}`): Promise<string> {
  const [row] = await app.get(DataSource).query(`INSERT INTO sponsor (name) VALUES ($1) RETURNING id`, [name]);
  return row.id;
}

/** A staff account made through the service, not logged in: for tests that call services with its principal. */
export async function createAccount(
  app: AppContext,
  role: Exclude<Role, 'participant'>,
  links: { branchIds?: string[]; sponsorId?: string } = {},
): Promise<Account> {
  const email = uniqueEmail(role);
  const sponsorId = role === 'sponsor' ? (links.sponsorId ?? (await createSponsor(app))) : undefined;
  const user = await app.get(UsersService).create({ email, password: PASSWORD, role, displayName: `Test ${role}`, branchIds: links.branchIds, sponsorId }, { id: null, kind: 'system' });
  return { id: user.id, email, role, principal: (await principalOf(app, user.id))! };
}

/** A staff account made through the service, then logged in over HTTP. */
export async function createUser(
  app: NestFastifyApplication,
  role: Exclude<Role, 'participant'>,
  links: { branchIds?: string[]; sponsorId?: string } = {},
): Promise<TestUser> {
  const { id, email } = await createAccount(app, role, links);
  return { id, email, role, token: await login(app, email) };
}

/** The principal a request of this user carries, read as the access guard reads it (null if gone or disabled). */
export const principalOf = (app: AppContext, userId: string): Promise<Principal | null> => app.get(UsersService).findPrincipal(userId);

export async function login(app: NestFastifyApplication, email: string, password = PASSWORD): Promise<string> {
  const res = await request(app.getHttpServer()).post('/v1/auth/login').send({ email, password }).expect(200);
  return res.body.accessToken;
}

export const bearer = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });
