import { MigrationInterface, QueryRunner } from 'typeorm';

export class ParticipantErasure1795890000000 implements MigrationInterface {
  name = 'ParticipantErasure1795890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Erasure keeps, per program the teen was enrolled in, only the age band the reports show.
    await queryRunner.query(`ALTER TABLE "participant" ADD "erased_age_bands" jsonb`);
    await queryRunner.query(`ALTER TABLE "participant" ALTER COLUMN "birth_date" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "participant" ADD CONSTRAINT "participant_birth_date_until_erased" CHECK ((birth_date IS NULL) = (erased_at IS NOT NULL))`);
    await queryRunner.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "participant_erased_scrubbed" CHECK (erased_at IS NULL OR (
         last_name = '' AND guardian_name = '' AND guardian_email = '' AND school IS NULL AND grade IS NULL AND contact_email IS NULL
         AND guardian_phone IS NULL AND postal_code IS NULL AND erased_age_bands IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant" DROP CONSTRAINT "participant_erased_scrubbed"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP CONSTRAINT "participant_birth_date_until_erased"`);
    await queryRunner.query(`ALTER TABLE "participant" ALTER COLUMN "birth_date" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "erased_age_bands"`);
  }
}
