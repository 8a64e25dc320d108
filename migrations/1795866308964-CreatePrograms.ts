import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePrograms1795866308964 implements MigrationInterface {
  name = 'CreatePrograms1795866308964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "program" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "branch_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "level" text NOT NULL, "min_age" integer NOT NULL, "max_age" integer NOT NULL, "capacity" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "enrollment_opens_at" TIMESTAMP WITH TIME ZONE, "enrollment_closes_at" TIMESTAMP WITH TIME ZONE, "waitlist_enabled" boolean NOT NULL DEFAULT true, "completion_threshold" numeric(3,2) NOT NULL DEFAULT 0.75, "status" text NOT NULL DEFAULT 'draft', "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3bade5945afbafefdd26a3a29fb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_063c60950d3148b453a55e3cad" ON "program"  ("branch_id", "starts_on") `);
    await queryRunner.query(`CREATE INDEX "IDX_31d645d0310777afeb979a25b2" ON "program"  ("status", "starts_on") `);
    // The API checks these too, naming the field; the database holds them for every writer.
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_branch_fk" FOREIGN KEY ("branch_id") REFERENCES "branch"("id") ON DELETE RESTRICT`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_status_check" CHECK (status IN ('draft', 'published', 'archived'))`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_level_check" CHECK (level IN ('beginner', 'intermediate', 'advanced'))`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_ages_check" CHECK (min_age >= 0 AND min_age <= max_age)`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_capacity_check" CHECK (capacity >= 1)`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_dates_check" CHECK (starts_on <= ends_on)`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_enrollment_window_check" CHECK (enrollment_closes_at > enrollment_opens_at)`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_completion_threshold_check" CHECK (completion_threshold > 0 AND completion_threshold <= 1)`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_title_check" CHECK (btrim(title) <> '')`);
    await queryRunner.query(`ALTER TABLE "program" ADD CONSTRAINT "program_published_at_check" CHECK (status <> 'published' OR published_at IS NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_31d645d0310777afeb979a25b2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_063c60950d3148b453a55e3cad"`);
    await queryRunner.query(`DROP TABLE "program"`);
  }
}
