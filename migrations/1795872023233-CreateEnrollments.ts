import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEnrollments1795872023233 implements MigrationInterface {
  name = 'CreateEnrollments1795872023233';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "idempotency_key" ("scope" text NOT NULL, "key" text NOT NULL, "fingerprint" text NOT NULL, "state" text NOT NULL DEFAULT 'in_flight', "response_status" integer, "response_body" jsonb, "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2738e797ef2c60d9a902bad976a" PRIMARY KEY ("scope", "key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_40aab95c36e58255f7618768f0" ON "idempotency_key"  ("expires_at") `);
    await queryRunner.query(`CREATE TABLE "enrollment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "status" text NOT NULL, "waitlist_position" integer, "source" text NOT NULL, "enrolled_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_135f0f741e736a3da2c0914728" ON "enrollment"  ("program_id", "status", "waitlist_position") `);
    await queryRunner.query(`CREATE INDEX "IDX_5482a7bf316c4e953f273d3e86" ON "enrollment"  ("participant_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "program" ADD "enrolled_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "program" ADD "waitlisted_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_state_check" CHECK (state IN ('in_flight', 'completed'))`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_program_fk" FOREIGN KEY ("program_id") REFERENCES "program"("id")`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id")`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_status_check" CHECK (status IN ('waitlisted', 'enrolled', 'withdrawn', 'completed'))`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_source_check" CHECK (source IN ('self', 'coordinator'))`);
    await queryRunner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_waitlist_position_check" CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL) AND waitlist_position >= 1)`,
    );
    // Rule 3: one active enrollment per teen and program.
    await queryRunner.query(`CREATE UNIQUE INDEX "enrollment_one_active" ON "enrollment" ("program_id", "participant_id") WHERE status IN ('waitlisted', 'enrolled')`);
    // Rule 2: one teen per waitlist place; deferred, because closing up the line shifts many places in one statement.
    await queryRunner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_waitlist_position_unique" EXCLUDE USING btree (program_id WITH =, waitlist_position WITH =) WHERE (status = 'waitlisted') DEFERRABLE INITIALLY DEFERRED`,
    );
    // Rule 1: never more enrolled than seats, whatever the concurrency.
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_enrolled_within_capacity" CHECK (enrolled_count >= 0 AND enrolled_count <= capacity)`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_waitlisted_count_check" CHECK (waitlisted_count >= 0)`);
    // The counters the guarded updates read must equal the rows: checked at commit, while the writer still holds the program row.
    await queryRunner.query(`CREATE FUNCTION enrollment_counts_match() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pid uuid := COALESCE(NEW.program_id, OLD.program_id);
        counted record;
      BEGIN
        SELECT count(*) FILTER (WHERE status = 'enrolled') AS enrolled, count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
          INTO counted FROM enrollment WHERE program_id = pid;
        IF NOT EXISTS (SELECT 1 FROM program WHERE id = pid AND enrolled_count = counted.enrolled AND waitlisted_count = counted.waitlisted) THEN
          RAISE EXCEPTION 'enrollment counters of program % disagree with its rows', pid
            USING ERRCODE = 'check_violation', CONSTRAINT = 'enrollment_counts_match';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "enrollment_counts_match" AFTER INSERT OR DELETE OR UPDATE OF status, program_id ON "enrollment" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION enrollment_counts_match()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enrollment"`);
    await queryRunner.query(`DROP FUNCTION enrollment_counts_match()`);
    await queryRunner.query(`ALTER TABLE "program" DROP CONSTRAINT "program_waitlisted_count_check"`);
    await queryRunner.query(`ALTER TABLE "program" DROP CONSTRAINT "program_enrolled_within_capacity"`);
    await queryRunner.query(`ALTER TABLE "program" DROP COLUMN "waitlisted_count"`);
    await queryRunner.query(`ALTER TABLE "program" DROP COLUMN "enrolled_count"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_40aab95c36e58255f7618768f0"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
