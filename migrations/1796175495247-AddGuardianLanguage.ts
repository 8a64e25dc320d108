import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddGuardianLanguage1796175495247 implements MigrationInterface {
  name = 'AddGuardianLanguage1796175495247';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The language the guardian is written to (the consent mail and page); every existing guardian was written to in English.
    await queryRunner.query(`ALTER TABLE "participant" ADD "guardian_language" text NOT NULL DEFAULT 'en'
      CONSTRAINT "participant_guardian_language_known" CHECK ("guardian_language" IN ('en', 'es'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "guardian_language"`);
  }
}
