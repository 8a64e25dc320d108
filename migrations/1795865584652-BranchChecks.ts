import { MigrationInterface, QueryRunner } from 'typeorm';

export class BranchChecks1795865584652 implements MigrationInterface {
  name = 'BranchChecks1795865584652';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The API trims names and refuses blank ones; the database holds the same line for every other writer.
    await queryRunner.query(`ALTER TABLE "branch" ADD CONSTRAINT "branch_name_check" CHECK (btrim(name) <> '')`);
    await queryRunner.query(`ALTER TABLE "sponsor" ADD CONSTRAINT "sponsor_name_check" CHECK (btrim(name) <> '')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sponsor" DROP CONSTRAINT "sponsor_name_check"`);
    await queryRunner.query(`ALTER TABLE "branch" DROP CONSTRAINT "branch_name_check"`);
  }
}
