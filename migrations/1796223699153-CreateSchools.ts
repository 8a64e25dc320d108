import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner schools of a branch, the school a teen came in with from a roster (what reports break down by), and the name index imports match on. */
export class CreateSchools1796223699153 implements MigrationInterface {
  name = 'CreateSchools1796223699153';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "school" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "branch_id" uuid NOT NULL, "name" text NOT NULL, "contact_name" text, "contact_email" text, "contact_phone" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57836c3fe2f2c7734b20911755e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f1d1534a3523067a4405dbd008" ON "school"  ("branch_id", "name") `);
    await queryRunner.query(`ALTER TABLE "school" ADD CONSTRAINT "school_branch_fk" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "school" ADD CONSTRAINT "school_name_check" CHECK (btrim(name) <> '')`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "school_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_4f55bc75e0e41841b850f99ca3" ON "participant"  ("school_id") `);
    await queryRunner.query(`ALTER TABLE "participant" ADD CONSTRAINT "participant_school_fk" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE SET NULL`);
    // A roster import looks each row's teen up by name before it creates one.
    await queryRunner.query(`CREATE INDEX "participant_known_key" ON "participant" (lower(last_name), lower(first_name)) WHERE erased_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."participant_known_key"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP CONSTRAINT "participant_school_fk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f55bc75e0e41841b850f99ca3"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "school_id"`);
    await queryRunner.query(`DROP TABLE "school"`);
  }
}
