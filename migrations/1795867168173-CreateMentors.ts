import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMentors1795867168173 implements MigrationInterface {
  name = 'CreateMentors1795867168173';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mentor_clearance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentor_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "valid_from" date NOT NULL, "expires_on" date NOT NULL, "verified_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d390891e789565b5cb143d80947" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_223806c6c0e27c46e2402a47d8" ON "mentor_clearance"  ("mentor_id", "expires_on") `);
    await queryRunner.query(`CREATE TABLE "mentor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "employer_sponsor_id" uuid, "skills" text array NOT NULL DEFAULT '{}', "bio" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9fcebd0a40237e9b6defcbd9d74" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6e4dee415db08bb15e819c7939" ON "mentor"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "session_mentor" ("session_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "role" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c121082429d83beb8561f652bc7" PRIMARY KEY ("session_id", "mentor_id"))`);
    await queryRunner.query(`ALTER TABLE "mentor" ADD CONSTRAINT "mentor_user_fk" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "mentor" ADD CONSTRAINT "mentor_employer_fk" FOREIGN KEY ("employer_sponsor_id") REFERENCES "sponsor"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "mentor_clearance" ADD CONSTRAINT "mentor_clearance_mentor_fk" FOREIGN KEY ("mentor_id") REFERENCES "mentor"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "mentor_clearance" ADD CONSTRAINT "mentor_clearance_verified_by_fk" FOREIGN KEY ("verified_by") REFERENCES "user_account"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "mentor_clearance" ADD CONSTRAINT "mentor_clearance_status_check" CHECK (status IN ('pending', 'cleared', 'rejected'))`);
    await queryRunner.query(`ALTER TABLE "mentor_clearance" ADD CONSTRAINT "mentor_clearance_dates_check" CHECK (valid_from <= expires_on)`);
    await queryRunner.query(`ALTER TABLE "session_mentor" ADD CONSTRAINT "session_mentor_session_fk" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "session_mentor" ADD CONSTRAINT "session_mentor_mentor_fk" FOREIGN KEY ("mentor_id") REFERENCES "mentor"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "session_mentor" ADD CONSTRAINT "session_mentor_role_check" CHECK (role IN ('lead', 'assistant'))`);
    // Rule 4: a mentor is never in two overlapping sessions, whatever the concurrency.
    await queryRunner.query(
      `ALTER TABLE "session_mentor" ADD CONSTRAINT "session_mentor_no_overlap" EXCLUDE USING gist (mentor_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (active)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "session_mentor"`);
    await queryRunner.query(`DROP TABLE "mentor_clearance"`);
    await queryRunner.query(`DROP TABLE "mentor"`);
  }
}
