import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1795862050321 implements MigrationInterface {
  name = 'CreateIdentity1795862050321';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_kind" text NOT NULL, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" uuid, "changes" jsonb NOT NULL DEFAULT '{}', "request_id" text, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_56543b3d28caabdb77b6ea1f42" ON "audit_event"  ("entity", "entity_id", "at") `);
    await queryRunner.query(`CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_471199da03bd5757ab3e1ef935" ON "outbox_message"  ("status", "available_at") `);
    await queryRunner.query(`CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sponsor_id" uuid NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "key_hash" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_680ba9898ac5a9f4ab88ca572d" ON "api_key"  ("sponsor_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c4f6ccad30c0862eb54af9fb0a" ON "api_key"  ("prefix") `);
    await queryRunner.query(`CREATE TABLE "coordinator_branch" ("user_id" uuid NOT NULL, "branch_id" uuid NOT NULL, CONSTRAINT "PK_d8c922b5bbe7b805c8c269fcfd0" PRIMARY KEY ("user_id", "branch_id"))`);
    await queryRunner.query(`CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "display_name" text NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "sponsor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "sponsor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "website" text, "contact_email" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31c4354cde945c685aabe017541" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "branch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "address" text, "timezone" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e39f426e2faefdaa93c5961976" PRIMARY KEY ("id"))`);

    // Rules the entities cannot express: role links, case-insensitive e-mails, references.
    await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_account_role_check" CHECK (role IN ('admin', 'coordinator', 'mentor', 'participant', 'sponsor'))`);
    await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_account_sponsor_link_check" CHECK ((role = 'sponsor') = (sponsor_id IS NOT NULL))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_account_email_lower_key" ON "user_account" (lower(email))`);
    await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "user_account_sponsor_fk" FOREIGN KEY ("sponsor_id") REFERENCES "sponsor"("id") ON DELETE RESTRICT`);
    await queryRunner.query(`ALTER TABLE "coordinator_branch" ADD CONSTRAINT "coordinator_branch_user_fk" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "coordinator_branch" ADD CONSTRAINT "coordinator_branch_branch_fk" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "api_key_sponsor_fk" FOREIGN KEY ("sponsor_id") REFERENCES "sponsor"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_status_check" CHECK (status IN ('pending', 'sent', 'failed'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Referencing tables first: api_key and coordinator_branch point at user_account, sponsor and branch.
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP TABLE "coordinator_branch"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP TABLE "sponsor"`);
    await queryRunner.query(`DROP TABLE "branch"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
