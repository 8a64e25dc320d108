import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A teen who signs up as an adult names no guardian. */
export class GuardianOptionalForAdults1796177468318 implements MigrationInterface {
  name = 'GuardianOptionalForAdults1796177468318';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant" ALTER COLUMN "guardian_name" DROP NOT NULL, ALTER COLUMN "guardian_email" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "participant" SET "guardian_name" = '', "guardian_email" = '' WHERE "guardian_name" IS NULL OR "guardian_email" IS NULL`);
    await queryRunner.query(`ALTER TABLE "participant" ALTER COLUMN "guardian_name" SET NOT NULL, ALTER COLUMN "guardian_email" SET NOT NULL`);
  }
}
