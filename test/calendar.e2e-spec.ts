import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp } from './support/app';
import { bearer, createUser } from './support/identity';

describe('Program calendar feed (HTTP, parsed by ical.js)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startTestApp();
    http = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists every session at 16:00 Chicago time across the March change, with its room and the cancelled one marked', async () => {
    const admin = await createUser(app, 'admin');
    const branch = (await request(http).post('/v1/branches').set(bearer(admin)).send({ name: `Central, ${randomUUID().slice(0, 4)}`, timezone: 'America/Chicago' }).expect(201)).body;
    const coordinator = await createUser(app, 'coordinator', { branchIds: [branch.id] });
    const room = (await request(http).post(`/v1/branches/${branch.id}/rooms`).set(bearer(coordinator)).send({ name: 'Maker Lab', seats: 20 }).expect(201)).body;
    await request(http).post(`/v1/branches/${branch.id}/closures`).set(bearer(coordinator)).send({ date: '2027-03-11', reason: 'Spring break' }).expect(201);
    const program = (
      await request(http)
        .post('/v1/programs')
        .set(bearer(coordinator))
        .send({ branchId: branch.id, title: 'Python; games, data', level: 'beginner', minAge: 13, maxAge: 17, capacity: 20, startsOn: '2027-03-01', endsOn: '2027-03-20' })
        .expect(201)
    ).body;
    const series = await request(http)
      .post(`/v1/programs/${program.id}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startTime: '16:00', durationMinutes: 90, roomId: room.id })
      .expect(201);
    expect(series.body.skipped).toEqual([{ date: '2027-03-11', reason: 'branch closed: Spring break' }]);
    const ids: string[] = series.body.created.map((s: { id: string }) => s.id);
    await request(http).post(`/v1/sessions/${ids[1]}/cancel`).set(bearer(coordinator)).send({ reason: 'Snow' }).expect(200);
    await request(http).get(`/v1/programs/${program.id}/calendar.ics`).expect(404);
    await request(http).post(`/v1/programs/${program.id}/publish`).set(bearer(coordinator)).expect(200);

    const res = await request(http).get(`/v1/programs/${program.id}/calendar.ics`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('America/Chicago');
    ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(ids.map((id) => `${id}@codeshelf`));
    const local = events.map((e) => DateTime.fromJSDate(e.startDate.toJSDate(), { zone: 'America/Chicago' }).toFormat('MM-dd HH:mm'));
    expect(local).toEqual(['03-02 16:00', '03-04 16:00', '03-09 16:00', '03-16 16:00', '03-18 16:00']);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(series.body.created.map((s: { startsAt: string }) => s.startsAt));
    expect(events[3].startDate.toJSDate().toISOString()).toBe('2027-03-16T21:00:00.000Z');
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    expect(events[1].sequence).toBe(1);
    expect(events[0].summary).toBe('Python; games, data');
    expect(events[0].location).toBe(`Maker Lab, ${branch.name}`);
  });

  it('gives a mentor a secret feed of their assigned sessions, and a new URL retires the old one', async () => {
    const admin = await createUser(app, 'admin');
    const branch = (await request(http).post('/v1/branches').set(bearer(admin)).send({ name: `Feed ${randomUUID().slice(0, 4)}`, timezone: 'Europe/Berlin' }).expect(201)).body;
    const coordinator = await createUser(app, 'coordinator', { branchIds: [branch.id] });
    const program = (
      await request(http)
        .post('/v1/programs')
        .set(bearer(coordinator))
        .send({ branchId: branch.id, title: 'Scratch', level: 'beginner', minAge: 10, maxAge: 13, capacity: 12, startsOn: '2027-10-01', endsOn: '2027-11-30' })
        .expect(201)
    ).body;
    const series = await request(http)
      .post(`/v1/programs/${program.id}/series`)
      .set(bearer(coordinator))
      .send({ rrule: 'FREQ=WEEKLY;BYDAY=TH', startTime: '16:00', durationMinutes: 60, from: '2027-10-21', count: 3 })
      .expect(201);
    const mentorUser = await createUser(app, 'mentor');
    const mentor = (await request(http).post('/v1/mentors').set(bearer(coordinator)).send({ userId: mentorUser.id }).expect(201)).body;
    await request(http).post(`/v1/mentors/${mentor.id}/clearances`).set(bearer(coordinator)).send({ kind: 'background_check', status: 'cleared', validFrom: '2027-01-01', expiresOn: '2027-12-31' }).expect(201);
    const assigned = series.body.created.slice(0, 2).map((s: { id: string }) => s.id);
    for (const id of assigned) await request(http).put(`/v1/sessions/${id}/mentors/${mentor.id}`).set(bearer(coordinator)).send({ role: 'lead' }).expect(200);

    const { body } = await request(http).post('/v1/me/calendar-token').set(bearer(mentorUser)).expect(201);
    const path = new URL(body.url).pathname + new URL(body.url).search;
    const res = await request(http).get(path).expect(200);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(assigned.map((id: string) => `${id}@codeshelf`));
    // 21 and 28 October 2027, either side of Berlin's return to winter time on the 31st: both 16:00 local.
    expect(events.map((e) => DateTime.fromJSDate(e.startDate.toJSDate(), { zone: 'Europe/Berlin' }).toFormat('MM-dd HH:mm'))).toEqual(['10-21 16:00', '10-28 16:00']);

    await request(http).post('/v1/me/calendar-token').set(bearer(mentorUser)).expect(201);
    await request(http).get(path).expect(404);
    await request(http).get('/v1/me/calendar.ics').query({ token: 'x'.repeat(43) }).expect(404);
    await request(http).get('/v1/me/calendar.ics').expect(400);
  });
});
