import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBrowserSessions1796175495246 implements MigrationInterface {
  name = 'CreateBrowserSessions1796175495246';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A browser sign-in: the cookie holds a random id, the table only its SHA-256, so a read of the table signs nobody in.
    await queryRunner.query(`CREATE TABLE "browser_session" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "browser_session_pkey" PRIMARY KEY,
      "user_id" uuid NOT NULL CONSTRAINT "browser_session_user_fkey" REFERENCES "user_account" ("id") ON DELETE CASCADE,
      "token_hash" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "expires_at" timestamptz NOT NULL,
      "revoked_at" timestamptz,
      CONSTRAINT "browser_session_expires_after_created" CHECK ("expires_at" > "created_at")
    )`);
    // The names the entity's @Index decorators give them (TypeORM's), so that the schema matches the entities.
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6d07672e5a9211f5ff1904a780" ON "browser_session" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_c29d3ff512bffa5aa888b34795" ON "browser_session" ("user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "browser_session"`);
  }
}
