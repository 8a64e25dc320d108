import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateParticipants1795864420502 implements MigrationInterface {
  name = 'CreateParticipants1795864420502';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "guardian_consent_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f824ee7953ac2f7d36227e22d15" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_49d2839e2becc24d665877d90c" ON "guardian_consent_token"  ("participant_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3a67e5c35f1b79ebd16ae0e62f" ON "guardian_consent_token"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "first_name" text NOT NULL, "last_name" text NOT NULL, "birth_date" date NOT NULL, "school" text, "grade" integer, "contact_email" text, "guardian_name" text NOT NULL, "guardian_email" text NOT NULL, "guardian_phone" text, "consent_status" text NOT NULL DEFAULT 'pending', "consent_granted_at" TIMESTAMP WITH TIME ZONE, "media_consent" boolean NOT NULL DEFAULT false, "gender" text, "postal_code" text, "home_branch_id" uuid, "user_id" uuid, "erased_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64da4237f502041781ca15d4c41" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7916773e236a9cfc13d59f96a4" ON "participant"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5c578db3e01f83d8b52bade6f4" ON "participant"  ("home_branch_id", "created_at") `);

    // Rules the entities cannot express: consent states, and references to other features' tables.
    await queryRunner.query(`ALTER TABLE "participant" ADD CONSTRAINT "participant_consent_status_check" CHECK (consent_status IN ('pending', 'granted', 'revoked'))`);
    await queryRunner.query(`ALTER TABLE "participant" ADD CONSTRAINT "participant_consent_granted_at_check" CHECK ((consent_status = 'granted') = (consent_granted_at IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "participant" ADD CONSTRAINT "participant_home_branch_fk" FOREIGN KEY ("home_branch_id") REFERENCES "branch"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "participant" ADD CONSTRAINT "participant_user_fk" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "guardian_consent_token" ADD CONSTRAINT "guardian_consent_token_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The tokens refer to the participants: they go first. Dropping a table drops its indexes and keys.
    await queryRunner.query(`DROP TABLE "guardian_consent_token"`);
    await queryRunner.query(`DROP TABLE "participant"`);
  }
}
