import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waitlist offers: a program either promotes the first in line at once ('promote') or offers them the seat for
 * `offer_hours` ('offer'). An offered enrollment holds its seat: it counts in `enrolled_count`, so the CHECK
 * `enrolled_count <= capacity` keeps a seat under offer from being promised twice.
 */
export class CreateWaitlistOffers1796197876091 implements MigrationInterface {
  name = 'CreateWaitlistOffers1796197876091';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "program" ADD "waitlist_mode" text NOT NULL DEFAULT 'promote'`);
    await queryRunner.query(`ALTER TABLE "program" ADD "offer_hours" integer`);
    await queryRunner.query(
      `ALTER TABLE "program" ADD CONSTRAINT "program_waitlist_mode_check" CHECK (waitlist_mode IN ('promote', 'offer') AND (offer_hours BETWEEN 1 AND 336) IS NOT FALSE AND (waitlist_mode = 'promote' OR offer_hours IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "enrollment" ADD "offer_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "enrollment_status_check"`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_status_check" CHECK (status IN ('waitlisted', 'offered', 'enrolled', 'withdrawn', 'completed'))`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_offer_expires_check" CHECK ((status = 'offered') = (offer_expires_at IS NOT NULL))`);
    // Rule 3 again: a teen under offer is active in the program too (the index keeps its name: ENROLL's error names it).
    await queryRunner.query(`DROP INDEX "enrollment_one_active"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "enrollment_one_active" ON "enrollment" ("program_id", "participant_id") WHERE status IN ('waitlisted', 'offered', 'enrolled')`);
    // The expiry job's look-up: the open offers by deadline.
    await queryRunner.query(`CREATE INDEX "enrollment_open_offers" ON "enrollment" ("offer_expires_at") WHERE status = 'offered'`);
    await queryRunner.query(countsMatch(`status IN ('enrolled', 'offered')`));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(countsMatch(`status = 'enrolled'`));
    await queryRunner.query(`DROP INDEX "enrollment_open_offers"`);
    await queryRunner.query(`DROP INDEX "enrollment_one_active"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "enrollment_one_active" ON "enrollment" ("program_id", "participant_id") WHERE status IN ('waitlisted', 'enrolled')`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "enrollment_offer_expires_check"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "enrollment_status_check"`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_status_check" CHECK (status IN ('waitlisted', 'enrolled', 'withdrawn', 'completed'))`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP COLUMN "offer_expires_at"`);
    await queryRunner.query(`ALTER TABLE "program" DROP CONSTRAINT "program_waitlist_mode_check"`);
    await queryRunner.query(`ALTER TABLE "program" DROP COLUMN "offer_hours"`);
    await queryRunner.query(`ALTER TABLE "program" DROP COLUMN "waitlist_mode"`);
  }
}

/** The commit-time check that the counters equal the rows, with `seated` the rows `enrolled_count` counts. */
function countsMatch(seated: string): string {
  return `CREATE OR REPLACE FUNCTION enrollment_counts_match() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pid uuid := COALESCE(NEW.program_id, OLD.program_id);
        counted record;
      BEGIN
        SELECT count(*) FILTER (WHERE ${seated}) AS enrolled, count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
          INTO counted FROM enrollment WHERE program_id = pid;
        IF NOT EXISTS (SELECT 1 FROM program WHERE id = pid AND enrolled_count = counted.enrolled AND waitlisted_count = counted.waitlisted) THEN
          RAISE EXCEPTION 'enrollment counters of program % disagree with its rows', pid
            USING ERRCODE = 'check_violation', CONSTRAINT = 'enrollment_counts_match';
        END IF;
        RETURN NULL;
      END $$`;
}
