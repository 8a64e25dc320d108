import { OfferExpiry } from '@codeshelf/enrollment';
import { OutboxRelay } from '@codeshelf/notifications';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { enrollmentConsistency, expectEnrollmentsWhole } from './support/enrollment-consistency';
import { type Club, enrollInTurn, insertTeens, publishedProgram, type Teen } from './support/enrollment-factories';
import { bearer, createUser } from './support/identity';
import { type Inbox, startInbox } from './support/smtp';

/** Rules 1 and 2 with a program whose waitlist offers freed seats for a time, on two app instances (two workers). */
describe('Waitlist offers with a deadline', () => {
  let inbox: Inbox;
  let apps: NestFastifyApplication[];
  let db: DataSource;
  const saved = process.env.SMTP_URL;

  beforeAll(async () => {
    inbox = await startInbox();
    process.env.SMTP_URL = inbox.url;
    apps = [await startTestApp(), await startTestApp()];
    db = apps[0].get(DataSource);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await inbox.close();
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
  });

  const http = (i = 0) => request(apps[i % 2].getHttpServer());
  const query = (sql: string, parameters: unknown[]) => db.query(sql, parameters);
  const offerClub = (capacity: number, fields: Record<string, unknown> = {}) => publishedProgram(apps[0], { capacity, waitlistMode: 'offer', offerHours: 48, ...fields });
  const statusOf = async (enrollmentId: string) => (await db.query(`SELECT status FROM enrollment WHERE id = $1`, [enrollmentId]))[0].status as string;
  const liveOffers = (programId: string): Promise<{ id: string; participant_id: string }[]> =>
    db.query(`SELECT id, participant_id FROM enrollment WHERE program_id = $1 AND status = 'offered'`, [programId]);
  const lapse = (programId: string) => db.query(`UPDATE enrollment SET offer_expires_at = now() - interval '1 second' WHERE program_id = $1 AND status = 'offered'`, [programId]);
  const topicCount = async (topic: string, enrollmentId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE topic = $1 AND payload->>'enrollmentId' = $2`, [topic, enrollmentId]))[0].n as number;
  const withdraw = (teen: Teen, id: string, i = 0) => http(i).post(`/v1/enrollments/${id}/withdraw`).set(bearer(teen));

  /** A full offer-mode club: `seated` teens in its seats, `waiting` in line behind them, in that order. */
  async function fullClub(seats: number, waiting: number): Promise<{ club: Club; seated: Teen[]; line: Teen[]; seatIds: string[]; lineIds: string[] }> {
    const club = await offerClub(seats);
    const seated = await insertTeens(apps[0], seats);
    const line = await insertTeens(apps[0], waiting);
    const seatIds = (await enrollInTurn(apps[0], club.program.id, seated)).map((e) => e.id);
    const lineIds = (await enrollInTurn(apps[0], club.program.id, line)).map((e) => e.id);
    return { club, seated, line, seatIds, lineIds };
  }

  it('asks for offerHours with the offer mode, within 1..336 hours', async () => {
    const branch = await publishedProgram(apps[0]);
    const body = { branchId: branch.branchId, title: 'Offers', level: 'beginner', minAge: 13, maxAge: 17, capacity: 5, startsOn: '2030-02-01', endsOn: '2030-05-01' };
    const none = await http().post('/v1/programs').set(bearer(branch.coordinator)).send({ ...body, waitlistMode: 'offer' }).expect(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'offerHours', code: 'isDefined' })]);
    const tooLong = await http().post('/v1/programs').set(bearer(branch.coordinator)).send({ ...body, waitlistMode: 'offer', offerHours: 337 }).expect(400);
    expect(tooLong.body.errors[0].field).toBe('offerHours');
    await http().post('/v1/programs').set(bearer(branch.coordinator)).send({ ...body, waitlistMode: 'sometimes', offerHours: 4 }).expect(400);
    const made = await http().post('/v1/programs').set(bearer(branch.coordinator)).send({ ...body, waitlistMode: 'offer', offerHours: 24 }).expect(201);
    expect(made.body).toMatchObject({ waitlistMode: 'offer', offerHours: 24 });
    const cleared = await http().patch(`/v1/programs/${made.body.id}`).set(bearer(branch.coordinator)).send({ offerHours: null }).expect(400);
    expect(cleared.body.errors[0].field).toBe('offerHours');
  });

  it('a withdrawal offers the seat to the head of the line for the program’s hours, held against capacity, and mails the teen and the guardian', async () => {
    const { club, seated, line, seatIds, lineIds } = await fullClub(1, 2);
    const before = Date.now();
    await withdraw(seated[0], seatIds[0]).expect(200);

    const offered = (await http().get(`/v1/enrollments/${lineIds[0]}`).set(bearer(line[0])).expect(200)).body;
    expect(offered).toMatchObject({ status: 'offered', waitlistPosition: null, enrolledAt: null });
    const hours = (new Date(offered.offerExpiresAt).getTime() - before) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThan(48.1);
    // The seat is held: the line closed up, and a newcomer is waitlisted behind the second teen, not seated.
    expect((await http().get(`/v1/enrollments/${lineIds[1]}`).set(bearer(line[1])).expect(200)).body.waitlistPosition).toBe(1);
    const [newcomer] = await insertTeens(apps[0], 1);
    expect((await enrollInTurn(apps[0], club.program.id, [newcomer]))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const program = (await http().get(`/v1/programs/${club.program.id}`).expect(200)).body;
    expect(program).toMatchObject({ enrolledCount: 1, seatsLeft: 0, waitlistedCount: 2 });
    await expectEnrollmentsWhole(query, club.program.id);

    // The coordinator's roster shows the offer and its deadline; a mentor's roster is seat holders only.
    const roster = (await http().get(`/v1/programs/${club.program.id}/enrollments?status=offered`).set(bearer(club.coordinator)).expect(200)).body;
    expect(roster.items).toEqual([expect.objectContaining({ id: lineIds[0], status: 'offered', offerExpiresAt: offered.offerExpiresAt })]);
    const csv = await http().get(`/v1/programs/${club.program.id}/enrollments?format=csv`).set(bearer(club.coordinator)).expect(200);
    expect(csv.text.split('\n')[0]).toContain('offerExpiresAt');
    expect(csv.text).toContain(`offered,,Teen`);

    expect(await topicCount('enrollment.offered', lineIds[0])).toBe(1);
    expect(await topicCount('enrollment.promoted', lineIds[0])).toBe(0);
    while ((await apps[0].get(OutboxRelay).deliverDue(200)) > 0);
    const guardian = inbox.mails.filter((m) => m.subject === `A seat is offered to Teen: ${club.program.title}`);
    const teen = inbox.mails.filter((m) => m.subject === `A seat is yours if you want it: ${club.program.title}`);
    expect(guardian).toHaveLength(1);
    expect(teen).toHaveLength(1);
    expect(teen[0].text).toMatch(/held for you until \w+day, \w+ \d+.+(CST|CDT)/);
    expect(teen[0].text).toContain('/me');
  });

  it('accept seats the teen; a second accept is a 409; another teen’s accept or decline is a 404', async () => {
    const { club, seated, line, seatIds, lineIds } = await fullClub(1, 2);
    await withdraw(seated[0], seatIds[0]).expect(200);
    await http().post(`/v1/enrollments/${lineIds[0]}/accept`).set(bearer(line[1])).expect(404);
    await http().post(`/v1/enrollments/${lineIds[0]}/decline`).set(bearer(line[1])).expect(404);
    await http().post(`/v1/enrollments/${lineIds[1]}/accept`).set(bearer(line[1])).expect(409);
    // Under offer is active (rule 3): enrolling again names the offer.
    const twice = await http().post(`/v1/programs/${club.program.id}/enrollments`).set(bearer(line[0])).expect(409);
    expect(twice.body).toMatchObject({ code: 'already-enrolled', enrollmentId: lineIds[0], enrollmentStatus: 'offered' });

    const accepted = (await http(1).post(`/v1/enrollments/${lineIds[0]}/accept`).set(bearer(line[0])).expect(200)).body;
    expect(accepted).toMatchObject({ status: 'enrolled', offerExpiresAt: null });
    expect(accepted.enrolledAt).toEqual(expect.any(String));
    const again = await http().post(`/v1/enrollments/${lineIds[0]}/accept`).set(bearer(line[0])).expect(409);
    expect(again.body.code).toBe('enrollment-status-conflict');
    const mine = (await http().get('/v1/me/enrollments').set(bearer(line[0])).expect(200)).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: lineIds[0], status: 'enrolled' })]);
    await expectEnrollmentsWhole(query, club.program.id);
  });

  it('a coordinator accepts for the teen; decline passes the seat to the next in line in the same request', async () => {
    const { club, seated, line, seatIds, lineIds } = await fullClub(2, 3);
    await withdraw(seated[0], seatIds[0]).expect(200);
    await withdraw(seated[1], seatIds[1]).expect(200);
    await http().post(`/v1/enrollments/${lineIds[0]}/accept`).set(bearer(club.coordinator)).expect(200);
    const other = await createUser(apps[0], 'coordinator', { branchIds: [(await publishedProgram(apps[0])).branchId] });
    await http().post(`/v1/enrollments/${lineIds[1]}/decline`).set(bearer(other)).expect(404);

    const declined = (await http().post(`/v1/enrollments/${lineIds[1]}/decline`).set(bearer(line[1])).expect(200)).body;
    expect(declined).toMatchObject({ status: 'withdrawn', offerExpiresAt: null });
    expect(await statusOf(lineIds[2])).toBe('offered');
    expect(await topicCount('enrollment.offered', lineIds[2])).toBe(1);
    await http().post(`/v1/enrollments/${lineIds[1]}/decline`).set(bearer(line[1])).expect(409);
    await expectEnrollmentsWhole(query, club.program.id);
  });

  it('accept after the deadline is a 409 offer-expired, and the seat stays held until the worker passes it on', async () => {
    const { club, seated, line, seatIds, lineIds } = await fullClub(1, 2);
    await withdraw(seated[0], seatIds[0]).expect(200);
    await lapse(club.program.id);
    const late = await http().post(`/v1/enrollments/${lineIds[0]}/accept`).set(bearer(line[0])).expect(409);
    expect(late.body).toMatchObject({ code: 'offer-expired', offerExpiresAt: expect.any(String) });
    expect(await statusOf(lineIds[0])).toBe('offered');
    await apps[1].get(OfferExpiry).expireDue();
    expect(await statusOf(lineIds[0])).toBe('withdrawn');
    expect(await statusOf(lineIds[1])).toBe('offered');
    await expectEnrollmentsWhole(query, club.program.id);
  });

  it('the expiry chain across three teens, two workers racing each round: each offer expires once, one live offer at a time, one mail each', async () => {
    const { club, seated, seatIds, lineIds } = await fullClub(1, 3);
    await withdraw(seated[0], seatIds[0]).expect(200);
    for (const [round, id] of lineIds.entries()) {
      expect((await liveOffers(club.program.id)).map((o) => o.id)).toEqual([id]);
      await lapse(club.program.id);
      const expired = await Promise.all(apps.map((app) => app.get(OfferExpiry).expireDue()));
      expect(expired.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await statusOf(id)).toBe('withdrawn');
      await expectEnrollmentsWhole(query, club.program.id);
      if (round < 2) expect(await statusOf(lineIds[round + 1])).toBe('offered');
    }
    expect(await liveOffers(club.program.id)).toEqual([]);
    for (const id of lineIds) {
      expect(await topicCount('enrollment.offered', id)).toBe(1);
      expect(await topicCount('enrollment.offer_expired', id)).toBe(1);
    }
    const audits = await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'enrollment.offer_expired' AND entity_id = ANY($1::uuid[])`, [lineIds]);
    expect(audits[0].n).toBe(3);
    // The seat is free again and nobody waits: the next teen to enroll takes it at once.
    const [next] = await insertTeens(apps[0], 1);
    expect((await enrollInTurn(apps[0], club.program.id, [next]))[0].status).toBe('enrolled');
  });

  it('erasing a teen under offer passes the seat to the next in line', async () => {
    const { club, seated, line, seatIds, lineIds } = await fullClub(1, 2);
    await withdraw(seated[0], seatIds[0]).expect(200);
    await http().delete(`/v1/participants/${line[0].participantId}`).set(bearer(line[0])).expect(204);
    expect(await Promise.all(lineIds.map(statusOf))).toEqual(['withdrawn', 'offered']);
    // Not expectEnrollmentsWhole: the erasure takes the erased teen's messages with it.
    const state = await enrollmentConsistency(query, club.program.id);
    expect(state.counters).toEqual(state.rows);
    expect(state.counters).toEqual({ enrolled: 1, waitlisted: 0 });
  });

  it('a raised capacity offers the new seats to the next in line', async () => {
    const { club, lineIds } = await fullClub(1, 3);
    await http().patch(`/v1/programs/${club.program.id}`).set(bearer(club.coordinator)).send({ capacity: 3 }).expect(200);
    expect(await Promise.all(lineIds.map(statusOf))).toEqual(['offered', 'offered', 'waitlisted']);
    const lower = await http().patch(`/v1/programs/${club.program.id}`).set(bearer(club.coordinator)).send({ capacity: 2 }).expect(409);
    expect(lower.body.code).toBeDefined();
    await expectEnrollmentsWhole(query, club.program.id);
  });

  it('capacity holds with offers, answers, withdrawals, expiries, newcomers and a raised capacity all at once', async () => {
    const { club, seated, line, seatIds, lineIds } = await fullClub(6, 20);
    // Four open offers to begin with, one of them past its deadline.
    for (let i = 0; i < 4; i++) await withdraw(seated[i], seatIds[i]).expect(200);
    await db.query(`UPDATE enrollment SET offer_expires_at = now() - interval '1 second' WHERE id = $1`, [lineIds[3]]);
    const newcomers = await insertTeens(apps[0], 12);
    const answers = await Promise.all([
      http(0).post(`/v1/enrollments/${lineIds[0]}/accept`).set(bearer(line[0])),
      http(1).post(`/v1/enrollments/${lineIds[1]}/decline`).set(bearer(line[1])),
      http(0).post(`/v1/enrollments/${lineIds[2]}/accept`).set(bearer(line[2])),
      withdraw(seated[4], seatIds[4], 1),
      withdraw(seated[5], seatIds[5], 0),
      withdraw(line[10], lineIds[10], 1),
      http(1).patch(`/v1/programs/${club.program.id}`).set(bearer(club.coordinator)).send({ capacity: 9 }),
      ...newcomers.map((teen, i) => http(i).post(`/v1/programs/${club.program.id}/enrollments`).set(bearer(teen))),
    ]);
    const [expiredA, expiredB] = await Promise.all(apps.map((app) => app.get(OfferExpiry).expireDue()));
    expect(answers.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);
    expect(expiredA + expiredB).toBe(1);

    const state = await expectEnrollmentsWhole(query, club.program.id);
    const rows: { participant_id: string; status: string }[] = await db.query(`SELECT participant_id, status FROM enrollment WHERE program_id = $1`, [club.program.id]);
    const held = rows.filter((r) => r.status === 'enrolled' || r.status === 'offered');
    // Nine seats and a line behind them: every seat is held or offered, never one more.
    expect(state.counters.enrolled).toBe(9);
    expect(held).toHaveLength(9);
    const newcomerIds = new Set(newcomers.map((t) => t.participantId));
    expect(held.some((r) => newcomerIds.has(r.participant_id))).toBe(false);
    expect(rows.filter((r) => newcomerIds.has(r.participant_id)).every((r) => r.status === 'waitlisted')).toBe(true);
  });
});
