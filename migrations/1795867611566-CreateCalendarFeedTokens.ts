import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCalendarFeedTokens1795867611566 implements MigrationInterface {
  name = 'CreateCalendarFeedTokens1795867611566';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_feed_token" ("user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_55699e77827f515c313957e993b" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_da3743af69f31ffd278f363bce" ON "calendar_feed_token"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_user_fk" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_da3743af69f31ffd278f363bce"`);
    await queryRunner.query(`DROP TABLE "calendar_feed_token"`);
  }
}
