import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInternships1795873397682 implements MigrationInterface {
  name = 'CreateInternships1795873397682';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "internship_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "statement" text NOT NULL, "share_profile" boolean NOT NULL, "status" text NOT NULL DEFAULT 'submitted', "hired" boolean, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_17194c0b11d9a101c1e9aa2efa" ON "application"  ("internship_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_b322c5e5b47ba0374c018f8306" ON "application"  ("participant_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "internship" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sponsor_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "location" text NOT NULL DEFAULT '', "remote" boolean NOT NULL DEFAULT false, "slots" integer NOT NULL, "min_age" integer, "min_attendance_rate" numeric(3,2), "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'draft', "offered_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dd14a64bcc5e8b5843a2764915a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2edfc048016b8124e0d1913ff6" ON "internship"  ("sponsor_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_71511716d334ec7891d6004a64" ON "internship"  ("status", "closes_at") `);
    await queryRunner.query(`CREATE TABLE "sponsorship" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sponsor_id" uuid NOT NULL, "program_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "amount" numeric(12,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b20281101fc28f90ac116a9e660" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_148bfcb2b306260bde42ba38a3" ON "sponsorship"  ("program_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d9d6c135c7dd10d6f51e3e5d51" ON "sponsorship"  ("sponsor_id", "starts_on") `);
    await queryRunner.query(`ALTER TABLE "sponsor" ADD "contact_name" text`);
    await queryRunner.query(`ALTER TABLE "sponsor" ADD "logo_url" text`);
    await queryRunner.query(`ALTER TABLE "sponsor" ADD "pseudonym_salt" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_sponsor_fk" FOREIGN KEY ("sponsor_id") REFERENCES "sponsor"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_program_fk" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_dates_check" CHECK (starts_on <= ends_on AND (amount IS NULL OR amount >= 0))`);
    await queryRunner.query(`ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_once_per_program" UNIQUE ("sponsor_id", "program_id")`);
    await queryRunner.query(`ALTER TABLE "internship" ADD CONSTRAINT "internship_sponsor_fk" FOREIGN KEY ("sponsor_id") REFERENCES "sponsor"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "internship" ADD CONSTRAINT "internship_status_check" CHECK (status IN ('draft', 'open', 'closed'))`);
    await queryRunner.query(
      `ALTER TABLE "internship" ADD CONSTRAINT "internship_fields_check" CHECK (opens_at < closes_at AND (min_age IS NULL OR min_age >= 0) AND (min_attendance_rate IS NULL OR min_attendance_rate BETWEEN 0 AND 1))`,
    );
    // Rule 8: never more offers out than slots, whatever the concurrency.
    await queryRunner.query(`ALTER TABLE "internship" ADD CONSTRAINT "internship_offers_within_slots" CHECK (slots >= 1 AND offered_count BETWEEN 0 AND slots)`);
    await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "application_internship_fk" FOREIGN KEY ("internship_id") REFERENCES "internship"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "application_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id")`);
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "application_status_check" CHECK (status IN ('submitted', 'shortlisted', 'offered', 'accepted', 'declined', 'rejected', 'withdrawn', 'completed') AND (status = 'completed') = (hired IS NOT NULL))`,
    );
    // Rule 8: once per internship.
    await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "application_once_per_internship" UNIQUE ("internship_id", "participant_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "application"`);
    await queryRunner.query(`DROP TABLE "internship"`);
    await queryRunner.query(`DROP TABLE "sponsorship"`);
    await queryRunner.query(`ALTER TABLE "sponsor" DROP COLUMN "pseudonym_salt"`);
    await queryRunner.query(`ALTER TABLE "sponsor" DROP COLUMN "logo_url"`);
    await queryRunner.query(`ALTER TABLE "sponsor" DROP COLUMN "contact_name"`);
  }
}
