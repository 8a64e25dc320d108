import { IdempotencyService, requestFingerprint } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { enrollInTurn, insertTeens, publishedProgram, seatState, type Teen } from './support/enrollment-factories';
import { bearer } from './support/identity';

/** Rules 1, 2 and 11 under real concurrency: two app instances on one database, many requests at once. */
describe('Enrollment under concurrency (HTTP, two app instances)', () => {
  let apps: NestFastifyApplication[];
  let db: DataSource;

  beforeAll(async () => {
    apps = [await startTestApp(), await startTestApp()];
    db = apps[0].get(DataSource);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  const enroll = (teen: Teen, programId: string, i: number, headers: Record<string, string> = {}) =>
    request(apps[i % 2].getHttpServer()).post(`/v1/programs/${programId}/enrollments`).set(bearer(teen)).set(headers);

  it('200 teens at once for 30 seats: exactly 30 enrolled, 170 waitlisted at places 1..170, no 5xx', async () => {
    const { program } = await publishedProgram(apps[0], { capacity: 30 });
    const teens = await insertTeens(apps[0], 200);
    const answers = await Promise.all(teens.map((teen, i) => enroll(teen, program.id, i)));
    expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
    expect(answers.filter((a) => a.body.status === 'enrolled')).toHaveLength(30);
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(waitlisted.map((a) => a.body.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));

    const state = await seatState(apps[0], program.id);
    expect([state.enrolledCount, state.enrolled.length, state.waitlistedCount, state.waitlisted.length]).toEqual([30, 30, 170, 170]);
  }, 60_000);

  it('15 withdrawals while 60 newcomers enroll: the 15 first in line get the seats, no newcomer overtakes', async () => {
    const { program } = await publishedProgram(apps[0], { capacity: 30 });
    const seated = await insertTeens(apps[0], 30);
    const waiting = await insertTeens(apps[0], 20);
    const newcomers = await insertTeens(apps[0], 60);
    const seats = await enrollInTurn(apps[0], program.id, seated);
    await enrollInTurn(apps[0], program.id, waiting);

    const withdrawals = seated.slice(0, 15).map((teen, i) =>
      request(apps[i % 2].getHttpServer()).post(`/v1/enrollments/${seats[i].id}/withdraw`).set(bearer(teen)),
    );
    const answers = await Promise.all([...withdrawals, ...newcomers.map((teen, i) => enroll(teen, program.id, i))]);
    expect(answers.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);

    const state = await seatState(apps[0], program.id);
    expect(state.enrolledCount).toBe(30);
    expect(state.enrolled).toHaveLength(30);
    const enrolledIds = new Set(state.enrolled.map((r) => r.participant_id));
    expect(waiting.slice(0, 15).every((t) => enrolledIds.has(t.participantId))).toBe(true);
    expect(newcomers.some((t) => enrolledIds.has(t.participantId))).toBe(false);
    // The 5 still waiting from before stay ahead of every newcomer; places are 1..65 without gaps.
    expect(state.positions).toEqual(Array.from({ length: 65 }, (_, i) => i + 1));
    expect(state.waitlisted.slice(0, 5).map((r) => r.participant_id)).toEqual(waiting.slice(15).map((t) => t.participantId));
    expect(state.waitlistedCount).toBe(65);
    const promoted = await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE topic = 'enrollment.promoted' AND payload->>'programId' = $1`, [program.id]);
    expect(promoted[0].n).toBe(15);
  }, 60_000);

  it('10 identical requests with one Idempotency-Key: one enrollment; every answer is the first one or a 409 in flight', async () => {
    const { program } = await publishedProgram(apps[0], { capacity: 5 });
    const [teen] = await insertTeens(apps[0], 1);
    const headers = { 'Idempotency-Key': 'rush-1' };
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => enroll(teen, program.id, i, headers)));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of created) expect(a.body).toEqual(created[0].body);
    for (const a of answers.filter((a) => a.status !== 201)) {
      expect(a.status).toBe(409);
      expect(a.body.code).toBe('idempotency-key-in-flight');
      expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    const rows = await db.query(`SELECT id FROM enrollment WHERE program_id = $1`, [program.id]);
    expect(rows).toEqual([{ id: created[0].body.id }]);

    // Later replays get the stored answer, marked as a replay, from either instance.
    const replay = await enroll(teen, program.id, 1, headers).expect(201);
    expect(replay.body).toEqual(created[0].body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // The same key with another body is a misuse.
    const misuse = await enroll(teen, program.id, 0, headers).send({ participantId: teen.participantId }).expect(422);
    expect(misuse.body.code).toBe('idempotency-key-reused');
    // Without the key, a second attempt is the 409 that names the first enrollment.
    const again = await enroll(teen, program.id, 0).expect(409);
    expect(again.body).toMatchObject({ code: 'already-enrolled', enrollmentId: created[0].body.id });
  }, 30_000);

  it('keys are per caller, released when the request fails, and malformed keys are a 400 naming the header', async () => {
    const { program } = await publishedProgram(apps[0], { capacity: 5 });
    const [a, b] = await insertTeens(apps[0], 2);
    const [pending] = await insertTeens(apps[0], 1, { consentStatus: 'pending' });
    const key = { 'Idempotency-Key': 'same-key' };
    await enroll(a, program.id, 0, key).expect(201);
    // No body and an empty one are the same request.
    expect((await enroll(a, program.id, 1, key).send({}).expect(201)).headers['idempotent-replayed']).toBe('true');
    const other = await enroll(b, program.id, 1, key).expect(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();

    await enroll(pending, program.id, 0, key).expect(422);
    await db.query(`UPDATE participant SET consent_status = 'granted', consent_granted_at = now() WHERE id = $1`, [pending.participantId]);
    expect((await enroll(pending, program.id, 1, key).expect(201)).body.status).toBe('enrolled');

    const bad = await enroll(a, program.id, 0, { 'Idempotency-Key': 'x'.repeat(256) }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'Idempotency-Key', code: 'isIdempotencyKey', message: expect.stringContaining('255') }]);
  });

  it('an in-flight claim left by a crashed process lapses after its lease and the request can run', async () => {
    const { program } = await publishedProgram(apps[0], { capacity: 5 });
    const [teen] = await insertTeens(apps[0], 1);
    const fingerprint = requestFingerprint('POST', `/v1/programs/${program.id}/enrollments`, {});
    await db.query(
      `INSERT INTO idempotency_key (scope, key, fingerprint, state, locked_until, expires_at) VALUES ($1, 'crashed', $2, 'in_flight', now() + interval '30 seconds', now() + interval '1 day')`,
      [`user:${teen.userId}`, fingerprint],
    );
    const busy = await enroll(teen, program.id, 0, { 'Idempotency-Key': 'crashed', 'Content-Type': 'application/json' }).send({}).expect(409);
    expect(busy.body.code).toBe('idempotency-key-in-flight');
    await db.query(`UPDATE idempotency_key SET locked_until = now() - interval '1 second' WHERE key = 'crashed'`);
    await enroll(teen, program.id, 1, { 'Idempotency-Key': 'crashed' }).send({}).expect(201);
  });

  it('a run whose claim was taken over can neither release nor complete the new owner’s key', async () => {
    const keys = apps[0].get(IdempotencyService);
    const first = await keys.claim('user:x', 'taken-over', 'fp');
    await db.query(`UPDATE idempotency_key SET locked_until = now() - interval '1 second' WHERE key = 'taken-over'`);
    const second = await keys.claim('user:x', 'taken-over', 'fp');
    if (first.kind !== 'claimed' || second.kind !== 'claimed') throw new Error('both should have claimed');
    const held = (token: string) => ({ scope: 'user:x', key: 'taken-over', token, status: 201 });
    await keys.release(held(first.token));
    expect(await keys.store(db.manager, held(first.token), { stale: true })).toBe(false);
    expect(await keys.store(db.manager, held(second.token), { ok: true })).toBe(true);
    expect(await keys.claim('user:x', 'taken-over', 'fp')).toEqual({ kind: 'replay', status: 201, body: { ok: true } });
  });
});
