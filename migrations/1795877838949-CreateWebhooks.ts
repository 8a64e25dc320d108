import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1795877838949 implements MigrationInterface {
  name = 'CreateWebhooks1795877838949';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_endpoint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sponsor_id" uuid NOT NULL, "url" text NOT NULL, "events" text array NOT NULL, "secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c98112122b2b8a4f3984d2efa8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4939b784be01dd2464d40f2616" ON "webhook_endpoint"  ("sponsor_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint_id" uuid NOT NULL, "message_id" uuid NOT NULL, "event" text NOT NULL, "response_status" integer, "error" text, "ok" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e5d8cd6dd4dea3a47de2166f10" ON "webhook_delivery"  ("endpoint_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_sponsor_fk" FOREIGN KEY ("sponsor_id") REFERENCES "sponsor"("id") ON DELETE CASCADE`);
    await queryRunner.query(
      `ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_events_check" CHECK (cardinality(events) > 0 AND events <@ ARRAY['application.submitted', 'application.status_changed']::text[])`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_fk" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoint"`);
  }
}
