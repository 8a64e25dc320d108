import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificates of completion: one per teen and program, found by an unguessable code, revoked or erased in place. */
export class CreateCertificates1796195070696 implements MigrationInterface {
  name = 'CreateCertificates1796195070696';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "code" text NOT NULL, "hours_attended" numeric(7,2) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "issued_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "revoked_by" uuid, "erased_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "certificate_once_per_program" UNIQUE ("program_id", "participant_id"), CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "certificate_code" ON "certificate" ("code") `);
    await queryRunner.query(`CREATE INDEX "certificate_participant" ON "certificate" ("participant_id") `);
    // Erasure scrubs a teen, it never deletes one: the certificate stays counted (rule 10), so no cascade either way.
    await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "certificate_program_fk" FOREIGN KEY ("program_id") REFERENCES "program"("id")`);
    await queryRunner.query(`ALTER TABLE "certificate" ADD CONSTRAINT "certificate_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id")`);
    await queryRunner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "certificate_fields_check" CHECK (hours_attended >= 0 AND length(code) >= 22 AND (revoked_at IS NULL) = (revoked_reason IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "certificate"`);
  }
}
