import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Enrollments a roster import asked for minors whose guardian has not consented yet: taken when consent comes. */
export class CreatePendingEnrollments1796224781179 implements MigrationInterface {
  name = 'CreatePendingEnrollments1796224781179';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pending_enrollment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b31eae68667b8ba1b08b5f0f677" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_30fd13f39b2fcc5872e7e63f20" ON "pending_enrollment"  ("participant_id", "program_id") `);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" ADD CONSTRAINT "pending_enrollment_program_fk" FOREIGN KEY ("program_id") REFERENCES "program"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" ADD CONSTRAINT "pending_enrollment_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "pending_enrollment" ADD CONSTRAINT "pending_enrollment_requested_by_fk" FOREIGN KEY ("requested_by") REFERENCES "user_account"("id") ON DELETE SET NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pending_enrollment"`);
  }
}
