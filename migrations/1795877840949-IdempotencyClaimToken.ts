import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyClaimToken1795877840949 implements MigrationInterface {
  name = 'IdempotencyClaimToken1795877840949';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "claim_token" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "claim_token"`);
  }
}
