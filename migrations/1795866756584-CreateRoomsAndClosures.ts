import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRoomsAndClosures1795866756584 implements MigrationInterface {
  name = 'CreateRoomsAndClosures1795866756584';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "branch_closure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "branch_id" uuid NOT NULL, "date" date NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_16f09e3dcc2050e1c82104bf088" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_33bda6622d3c1048d4353ab10c" ON "branch_closure"  ("branch_id", "date") `);
    await queryRunner.query(`CREATE TABLE "room" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "branch_id" uuid NOT NULL, "name" text NOT NULL, "seats" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c6d46db005d623e691b2fbcba23" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c6c4385d0a7505a561a9416d90" ON "room"  ("branch_id", "name") `);
    await queryRunner.query(`ALTER TABLE "room" ADD CONSTRAINT "room_branch_fk" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "room" ADD CONSTRAINT "room_seats_check" CHECK (seats >= 1)`);
    await queryRunner.query(`ALTER TABLE "room" ADD CONSTRAINT "room_name_check" CHECK (btrim(name) <> '')`);
    await queryRunner.query(`ALTER TABLE "branch_closure" ADD CONSTRAINT "branch_closure_branch_fk" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "branch_closure" ADD CONSTRAINT "branch_closure_reason_check" CHECK (btrim(reason) <> '')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c6c4385d0a7505a561a9416d90"`);
    await queryRunner.query(`DROP TABLE "room"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_33bda6622d3c1048d4353ab10c"`);
    await queryRunner.query(`DROP TABLE "branch_closure"`);
  }
}
