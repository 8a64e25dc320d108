import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessions1795866971450 implements MigrationInterface {
  name = 'CreateSessions1795866971450';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // uuid equality inside a GiST exclusion constraint (trusted extension: no superuser needed).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE TABLE "session_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "rrule" text NOT NULL, "start_time" text NOT NULL, "duration_minutes" integer NOT NULL, "room_id" uuid, "until" date, "count" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_077f57f4d4502f888c8874cbbec" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "series_id" uuid, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "room_id" uuid, "topic" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'scheduled', "cancel_reason" text, "sequence" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d04a36f738bc810ccf0dee954c" ON "session"  ("program_id", "starts_at") `);
    await queryRunner.query(`ALTER TABLE "session_series" ADD CONSTRAINT "session_series_program_fk" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "session_series" ADD CONSTRAINT "session_series_room_fk" FOREIGN KEY ("room_id") REFERENCES "room"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "session_series" ADD CONSTRAINT "session_series_duration_check" CHECK (duration_minutes > 0)`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_program_fk" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_series_fk" FOREIGN KEY ("series_id") REFERENCES "session_series"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_room_fk" FOREIGN KEY ("room_id") REFERENCES "room"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_times_check" CHECK (ends_at > starts_at)`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_status_check" CHECK (status IN ('scheduled', 'cancelled'))`);
    // Rule 4: a room never hosts two overlapping scheduled sessions, whatever the concurrency.
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_room_no_overlap" EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'scheduled' AND room_id IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_d04a36f738bc810ccf0dee954c"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP TABLE "session_series"`);
  }
}
