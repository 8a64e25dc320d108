import { AttendanceModule } from '@codeshelf/attendance';
import { CoreModule } from '@codeshelf/core';
import { EnrollmentModule } from '@codeshelf/enrollment';
import { IdentityModule } from '@codeshelf/identity';
import { PartnersModule } from '@codeshelf/partners';
import { PeopleModule } from '@codeshelf/people';
import { ReportingModule } from '@codeshelf/reporting';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';

/**
 * The feature modules with their real collaborators (policies, event hooks, audit, outbox) on this jest
 * worker's own database, without HTTP: for "medium" tests that call the services directly. Notifications
 * is left out, so no relay delivers the outbox the tests read back.
 */
export async function startMediumContext(): Promise<TestingModule> {
  const context = await Test.createTestingModule({
    imports: [CoreModule, IdentityModule, PeopleModule, SchedulingModule, EnrollmentModule, AttendanceModule, PartnersModule, ReportingModule],
  }).compile();
  await context.init();
  return context;
}

/** A query on the context's database, for reading back what the services wrote. */
export const queryOf = (context: TestingModule) => {
  const db = context.get(DataSource);
  return (sql: string, parameters: unknown[] = []) => db.query(sql, parameters);
};
