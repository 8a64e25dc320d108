import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJwtSigningSecret1795904000000 implements MigrationInterface {
  name = 'CreateJwtSigningSecret1795904000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Outside production, without JWT_SECRET, every API process of this database signs with the one secret kept
    // here (written by the first process that starts). One row at most: the key can only be true.
    await queryRunner.query(`CREATE TABLE "jwt_signing_secret" (
      "id" boolean PRIMARY KEY DEFAULT true CONSTRAINT "jwt_signing_secret_one_row" CHECK ("id"),
      "secret" text NOT NULL CONSTRAINT "jwt_signing_secret_long_enough" CHECK (length("secret") >= 32),
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "jwt_signing_secret"`);
  }
}
