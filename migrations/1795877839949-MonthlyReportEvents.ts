import { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthlyReportEvents1795877839949 implements MigrationInterface {
  name = 'MonthlyReportEvents1795877839949';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // One report_ready event per sponsor and month, however many workers try to write it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outbox_message_monthly_report" ON "outbox_message" ((payload->>'sponsorId'), (payload->>'month')) WHERE topic = 'sponsorship.report_ready'`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "webhook_endpoint_events_check"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_events_check" CHECK (cardinality(events) > 0 AND events <@ ARRAY['application.submitted', 'application.status_changed', 'sponsorship.report_ready']::text[])`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" DROP CONSTRAINT "webhook_endpoint_events_check"`);
    await queryRunner.query(`UPDATE "webhook_endpoint" SET events = array_remove(events, 'sponsorship.report_ready')`);
    await queryRunner.query(`DELETE FROM "webhook_endpoint" WHERE cardinality(events) = 0`);
    await queryRunner.query(
      `ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_events_check" CHECK (cardinality(events) > 0 AND events <@ ARRAY['application.submitted', 'application.status_changed']::text[])`,
    );
    await queryRunner.query(`DROP INDEX "outbox_message_monthly_report"`);
  }
}
