import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRateLimitCounters1796172788542 implements MigrationInterface {
  name = 'CreateRateLimitCounters1796172788542';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Counters every API process shares. UNLOGGED: no WAL for a write on every request, and a crash only
    // starts the windows over. Room left in each page keeps the per-hit update on the same page (HOT).
    await queryRunner.query(`CREATE UNLOGGED TABLE "rate_limit_counter" (
      "key" text NOT NULL CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY,
      "hits" integer NOT NULL CONSTRAINT "rate_limit_counter_hits_positive" CHECK ("hits" > 0),
      "expires_at" timestamptz NOT NULL
    ) WITH (fillfactor = 70)`);
    // The sweep drops ended windows by this index.
    await queryRunner.query(`CREATE INDEX "rate_limit_counter_expires_at" ON "rate_limit_counter" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
  }
}
