import { ReportingDataSource } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from './support/app';
import { enrollInTurn, insertTeens, publishedProgram } from './support/enrollment-factories';
import { bearer, createSponsor, createUser } from './support/identity';
import { type StreamingReplica, startStreamingReplica } from './support/streaming-replica';

/**
 * REPORTING_DATABASE_URL (item 15 of issue 18): the report routes read from a real streaming replica, which the
 * test sets up (pg_basebackup of a primary of its own), while every other route writes to the primary. With the
 * replica's replay paused, a report shows what the replica has applied, not what the primary has now.
 */
describe('Reports on a read replica (HTTP)', () => {
  let pg: StreamingReplica | undefined;
  let app: NestFastifyApplication | undefined;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, REPORTING_DATABASE_URL: process.env.REPORTING_DATABASE_URL };

  beforeAll(async () => {
    pg = await startStreamingReplica();
    process.env.DATABASE_URL = pg.primaryUrl('codeshelf');
    process.env.REPORTING_DATABASE_URL = pg.replicaUrl('codeshelf');
    app = await startTestApp(); // migrates the primary; the replica follows
  }, 120_000);

  // A test that failed while replay was paused must not leave the next one a replica that never catches up.
  afterEach(async () => {
    await pg?.resumeReplay();
  });

  afterAll(async () => {
    await app?.close();
    await pg?.destroy();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }, 60_000);

  it('answers a program summary from the replica: what the replica has not applied yet is not in it, and is once it has', async () => {
    const club = await publishedProgram(app!, { capacity: 10 });
    const programId = club.program.id;
    const teens = await insertTeens(app!, 3);
    await enrollInTurn(app!, programId, teens.slice(0, 2));
    await pg!.caughtUp();
    const summary = () => request(app!.getHttpServer()).get(`/v1/reports/programs/${programId}/summary`).set(bearer(club.coordinator)).expect(200);
    expect((await summary()).body.reach.teensEnrolled).toMatchObject({ value: 2 });

    await pg!.pauseReplay();
    const [third] = await enrollInTurn(app!, programId, teens.slice(2));
    expect(third.status).toBe('enrolled');
    const [{ seats }] = await app!.get(DataSource).query(`SELECT count(*)::int AS seats FROM enrollment WHERE program_id = $1 AND status = 'enrolled'`, [programId]);
    expect(seats).toBe(3);
    expect((await summary()).body.reach.teensEnrolled).toMatchObject({ value: 2 });

    await pg!.resumeReplay();
    await pg!.caughtUp();
    expect((await summary()).body.reach.teensEnrolled).toMatchObject({ value: 3 });
  });

  it('answers a sponsor’s outcomes from the replica: a sponsorship the replica has not applied yet is not in it', async () => {
    const club = await publishedProgram(app!);
    const admin = await createUser(app!, 'admin');
    const sponsorId = await createSponsor(app!);
    await pg!.caughtUp();
    const outcomes = async () => (await request(app!.getHttpServer()).get(`/v1/reports/sponsors/${sponsorId}/outcomes`).set(bearer(admin)).expect(200)).body.programIds;

    await pg!.pauseReplay();
    const { startsOn, endsOn } = club.program;
    await request(app!.getHttpServer()).post(`/v1/sponsors/${sponsorId}/sponsorships`).set(bearer(admin)).send({ programId: club.program.id, startsOn, endsOn }).expect(201);
    expect(await outcomes()).toEqual([]);

    await pg!.resumeReplay();
    await pg!.caughtUp();
    expect(await outcomes()).toEqual([club.program.id]);
  });

  it('reads reports through a connection to a server in recovery, which refuses writes', async () => {
    const reporting = app!.get(ReportingDataSource).dataSource();
    expect(reporting).not.toBe(app!.get(DataSource));
    expect(await reporting.query(`SELECT pg_is_in_recovery() AS standby, current_setting('application_name') AS name`)).toEqual([{ standby: true, name: 'codeshelf-reporting' }]);
    await expect(reporting.query(`INSERT INTO branch (name, timezone) VALUES ('Nowhere', 'UTC')`)).rejects.toThrow(/read-only transaction/);
  });
});
