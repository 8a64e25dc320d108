import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MATRIX, type PrincipalName } from '../authorization/matrix';
import { insertTeens, publishedProgram } from '../support/enrollment-factories';
import { bearer, createSponsor, createUser } from '../support/identity';
import { signUpTeen } from '../support/people-factories';
import { startTestApp } from '../support/app';
import { workerDatabase } from '../support/databases';
import { arbitraryOf, hostile, idsFor, type KnownIds, type Schema } from './arbitraries';
import { changedTables, fingerprint } from './db-fingerprint';

/**
 * Every route of the OpenAPI document, called with bodies, query strings, headers and path parameters made
 * from its own schemas and mixed with hostile values: never a 5xx, every 4xx problem+json, and a rejected
 * write leaves the database as it was. FUZZ_SEED reproduces a run (fast-check prints seed and path on a
 * failure, and FUZZ_ROUTE with FUZZ_PATH replays just that case); FUZZ_RUNS sets the requests per route.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
// Mostly JSON as the document asks, now and then a type it does not accept.
const JSON_TYPES = ['application/json', 'application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1'];

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface Call {
  principal: PrincipalName | 'anonymous';
  path: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
  contentType: string;
}

// A path's `{id}` is a row of the collection named just before it: /v1/programs/{id} → programs.
const SINGULAR: Record<string, string> = { branches: 'branch', programs: 'program', sessions: 'session', mentors: 'mentor', sponsors: 'sponsor', internships: 'internship', enrollments: 'enrollment', participants: 'participant', users: 'user', applications: 'application', outbox: 'outbox', closures: 'closure', webhooks: 'webhook', 'api-keys': 'key' };

function idsOfParameter(path: string, name: string, ids: KnownIds): string[] {
  if (name !== 'id') return idsFor(name, ids);
  const segments = path.split('/');
  const collection = segments[segments.indexOf('{id}') - 1];
  return ids[SINGULAR[collection]] ?? [];
}

// Path parameters and query strings are text: a generated number or object is sent the way a client would write it.
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
// A lone surrogate cannot be percent-encoded; a client would send the replacement character instead.
const encodePathValue = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
};
const asQueryValue = (value: unknown) => (Array.isArray(value) ? value.map(asText) : asText(value));
// Node refuses to send a header with control or non-Latin-1 characters, so such values never reach the API.
const sendableHeader = (value: string) => /^[\x20-\x7e]*$/.test(value) && value.length < 8000;

describe('Fuzzing every route of the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let doc: Document;
  const ids: KnownIds = {};
  const credentials = {} as Record<PrincipalName, Record<string, string>>;

  beforeAll(async () => {
    // A database of its own: every write is fingerprinted twice (each table's rows, hashed), so the rows other
    // files left in the worker's database (a 1,500-teen roster, say) would make it several times slower.
    process.env.DATABASE_URL = await workerDatabase('fuzz');
    app = await startTestApp();
    db = app.get(DataSource);
    const http = app.getHttpServer();
    doc = (await request(http).get('/docs-json').expect(200)).body;

    const club = await publishedProgram(app);
    const coordinator = bearer(club.coordinator);
    const admin = bearer(await createUser(app, 'admin'));
    const sponsorId = await createSponsor(app);
    const sponsorUser = await createUser(app, 'sponsor', { sponsorId });
    const mentorUser = await createUser(app, 'mentor');
    const year = new Date().getUTCFullYear() + 1;
    const post = async (url: string, who: Record<string, string>, body: object) => (await request(http).post(url).set(who).send(body).expect(201)).body;

    const room = await post(`/v1/branches/${club.branchId}/rooms`, coordinator, { name: 'Lab', seats: 20 });
    const closure = await post(`/v1/branches/${club.branchId}/closures`, coordinator, { date: `${year}-03-10`, reason: 'Holiday' });
    const session = await post(`/v1/programs/${club.program.id}/sessions`, coordinator, { startsAt: `${year}-02-03T16:00:00-06:00`, endsAt: `${year}-02-03T17:30:00-06:00`, roomId: room.id });
    const mentor = await post('/v1/mentors', coordinator, { userId: mentorUser.id });
    const key = await post(`/v1/sponsors/${sponsorId}/api-keys`, admin, { name: 'fuzz' });
    const internship = await post('/v1/internships', bearer(sponsorUser), { title: 'Web intern', slots: 2, opensAt: new Date().toISOString(), closesAt: `${year}-06-01T00:00:00Z` });
    const webhook = await post(`/v1/sponsors/${sponsorId}/webhooks`, bearer(sponsorUser), { url: 'http://127.0.0.1:9/hook', events: ['application.submitted'] });
    const [teen] = await insertTeens(app, 1);
    const enrollment = await post(`/v1/programs/${club.program.id}/enrollments`, bearer(teen), {});
    // A program running today with a session going on now, so check-ins and roll calls reach their rules.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const live = await publishedProgram(app, { startsOn: day(-1), endsOn: day(60) });
    const now = await post(`/v1/programs/${live.program.id}/sessions`, bearer(live.coordinator), {
      startsAt: new Date(Date.now() - 600_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await post(`/v1/programs/${live.program.id}/enrollments`, bearer(teen), {});
    await db.query(`INSERT INTO coordinator_branch (user_id, branch_id) VALUES ($1, $2)`, [club.coordinator.id, live.branchId]);
    await request(http).post(`/v1/internships/${internship.id}/open`).set(bearer(sponsorUser)).expect(200);
    const application = await post(`/v1/internships/${internship.id}/applications`, bearer(teen), { statement: 'I like robots', shareProfile: false });
    const signedUp = await signUpTeen(app);
    const bystander = await createUser(app, 'coordinator');
    // The sign-up mailed its guardian a consent link: its token lets the consent routes reach a real request.
    const [mail] = await db.query(`SELECT id, payload->>'consentUrl' AS url FROM outbox_message WHERE topic = 'guardian.consent_requested' AND payload->>'participantId' = $1`, [signedUp.participantId]);

    Object.assign(ids, {
      branch: [club.branchId],
      program: [club.program.id, live.program.id],
      session: [session.id, now.id],
      room: [room.id],
      closure: [closure.id],
      mentor: [mentor.id],
      sponsor: [sponsorId],
      key: [key.id],
      internship: [internship.id],
      webhook: [webhook.id],
      participant: [teen.participantId, signedUp.participantId],
      enrollment: [enrollment.id],
      application: [application.id],
      outbox: [mail.id],
      token: [mail.url.split('/').pop()],
      // Never a principal's own account: a fuzzed PATCH could disable the admin the other requests run as.
      user: [bystander.id, mentorUser.id],
    });
    Object.assign(credentials, {
      admin,
      coordinator,
      mentor: bearer(mentorUser),
      participant: bearer(teen),
      sponsor: bearer(sponsorUser),
      sponsorKey: { 'X-API-Key': key.key },
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  const resolve = (ref: string) => doc.components.schemas[ref.split('/').pop()!];

  function callArbitrary(path: string, method: string, operation: Operation): fc.Arbitrary<Call> {
    const grant = MATRIX[`${method.toUpperCase()} ${path}`];
    const principals: Call['principal'][] = grant === 'public' || !grant ? ['anonymous', 'participant', 'admin'] : grant;
    const parameters = operation.parameters ?? [];
    const group = (where: Parameter['in'], make: (p: Parameter) => fc.Arbitrary<unknown>) =>
      fc.record(Object.fromEntries(parameters.filter((p) => p.in === where).map((p) => [p.name, make(p)])), { requiredKeys: [] });
    const pathParameter = (p: Parameter) => {
      const known = idsOfParameter(path, p.name, ids);
      const generated = arbitraryOf(p.schema, resolve, ids, p.name).map(asText);
      return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: generated }) : generated;
    };
    const body = operation.requestBody?.content['application/json']?.schema;
    // Half the calls keep to the schema (to reach the services), half mix in hostile values.
    return fc.boolean().chain((hostileToo) => fc.record({
      principal: fc.constantFrom(...principals),
      path: fc.record(Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathParameter(p)]))) as fc.Arbitrary<Record<string, string>>,
      query: group('query', (p) => arbitraryOf(p.schema, resolve, ids, p.name, 0, hostileToo)),
      headers: group('header', (p) => arbitraryOf(p.schema, resolve, ids, p.name, 0, hostileToo).map(asText).filter(sendableHeader)) as fc.Arbitrary<Record<string, string>>,
      contentType: hostileToo ? fc.constantFrom(...JSON_TYPES, 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x') : fc.constant('application/json'),
      body: !body ? fc.constant(undefined) : hostileToo ? fc.oneof({ weight: 9, arbitrary: arbitraryOf(body, resolve, ids) }, { weight: 1, arbitrary: hostile() }) : arbitraryOf(body, resolve, ids, '', 0, false),
    }));
  }

  async function send(path: string, method: string, call: Call) {
    const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodePathValue(call.path[name]));
    const query = Object.fromEntries(Object.entries(call.query).map(([name, value]) => [name, asQueryValue(value)]));
    let req = request(app.getHttpServer())[method as 'get'](url).query(query).set(call.headers);
    if (call.principal !== 'anonymous') req = req.set(credentials[call.principal]);
    // Any JSON value, a bare string or null included, goes out as the JSON text a client would send.
    if (call.body !== undefined) req = req.set('Content-Type', call.contentType).send(JSON.stringify(call.body));
    return req;
  }

  function problemsWith(res: request.Response): string[] {
    if (res.status >= 500) return [`answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`];
    if (res.status < 400) return [];
    const problems: string[] = [];
    if (!String(res.headers['content-type']).startsWith('application/problem+json')) problems.push(`${res.status} is ${res.headers['content-type']}, not problem+json`);
    const { type, title, status, code, errors } = res.body ?? {};
    if (typeof type !== 'string' || typeof title !== 'string' || status !== res.status) problems.push(`${res.status} body lacks type/title/status: ${JSON.stringify(res.body).slice(0, 200)}`);
    if (code === 'validation-failed' && !(Array.isArray(errors) && errors.length && errors.every((e: { field?: unknown }) => typeof e.field === 'string' && e.field))) {
      problems.push(`validation-failed names no field: ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    // Clients translate a field error by its code: every one must carry it.
    if (Array.isArray(errors) && !errors.every((e: { code?: unknown }) => typeof e.code === 'string' && e.code)) {
      problems.push(`a field error has no code: ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    // A 400 that is not a validation failure means bad input got past validation (to the database or a parser).
    if (res.status === 400 && !['validation-failed', 'malformed-json'].includes(code)) problems.push(`400 ${code} names no field: ${res.body.detail}`);
    return problems;
  }

  // Routes that end a fixture's life (archive, cancel, withdraw, close, delete) go last, so the others meet live rows.
  const ending = (path: string, method: string) => method === 'delete' || /\/(archive|cancel|withdraw|close)$/.test(path);
  const operations = () =>
    Object.entries(doc.paths)
      .flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })))
      .sort((a, b) => Number(ending(a.path, a.method)) - Number(ending(b.path, b.method)));
  // FUZZ_ROUTE="PATCH /v1/programs/{id}" narrows a replay (with FUZZ_PATH) to the route that failed.
  const fuzzed = () => operations().filter(({ path, method }) => !process.env.FUZZ_ROUTE || process.env.FUZZ_ROUTE === `${method.toUpperCase()} ${path}`);

  it('covers every operation of the document with a grant in the authorization matrix', () => {
    const missing = operations().filter(({ path, method }) => !MATRIX[`${method.toUpperCase()} ${path}`]);
    expect(missing.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('never answers a 5xx, answers every 4xx in problem+json, and leaves the database unchanged after a rejected write', async () => {
    const failures: string[] = [];
    for (const { path, method, operation } of fuzzed()) {
      const property = fc.asyncProperty(callArbitrary(path, method, operation), async (call) => {
        const write = WRITES.has(method);
        const before = write ? await fingerprint(db) : undefined;
        const res = await send(path, method, call);
        const problems = problemsWith(res);
        if (write && res.status >= 400) {
          const changed = changedTables(before!, await fingerprint(db));
          if (changed.length) problems.push(`rejected with ${res.status} ${res.body?.code} yet changed ${changed.join(', ')}`);
        }
        if (problems.length) throw new Error(`${method.toUpperCase()} ${path} as ${call.principal}: ${problems.join('; ')}`);
      });
      const details = await fc.check(property, { seed: SEED, numRuns: RUNS, path: process.env.FUZZ_PATH, endOnFailure: true });
      if (details.failed) {
        failures.push(`${method.toUpperCase()} ${path} (FUZZ_SEED=${details.seed} FUZZ_ROUTE="${method.toUpperCase()} ${path}" FUZZ_PATH=${details.counterexamplePath}): ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n    call: ${JSON.stringify(details.counterexample?.[0]).slice(0, 600)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
