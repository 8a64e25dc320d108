import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The commit-time check that a program's counters equal its enrollment rows ran once per changed row, each
 * time counting all the program's rows: a roster import enrolling 5,000 teens spent about 5 s at commit. The
 * check now runs once per program and transaction (a transaction-local setting marks the program as checked).
 * The trigger is deferred to commit and nothing here sets constraints immediate, so every change of the
 * transaction is made before the first check runs: checking the program once sees them all.
 */
export class CheckEnrollmentCountsOncePerProgram1796226000000 implements MigrationInterface {
  name = 'CheckEnrollmentCountsOncePerProgram1796226000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(countsMatch(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(countsMatch(false));
  }
}

function countsMatch(once: boolean): string {
  const mark = `'codeshelf.counts_checked_' || replace(pid::text, '-', '_')`;
  return `CREATE OR REPLACE FUNCTION enrollment_counts_match() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pid uuid := COALESCE(NEW.program_id, OLD.program_id);
        counted record;
      BEGIN
        ${once ? `IF current_setting(${mark}, true) = 'yes' THEN RETURN NULL; END IF;` : ''}
        SELECT count(*) FILTER (WHERE status IN ('enrolled', 'offered')) AS enrolled, count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
          INTO counted FROM enrollment WHERE program_id = pid;
        IF NOT EXISTS (SELECT 1 FROM program WHERE id = pid AND enrolled_count = counted.enrolled AND waitlisted_count = counted.waitlisted) THEN
          RAISE EXCEPTION 'enrollment counters of program % disagree with its rows', pid
            USING ERRCODE = 'check_violation', CONSTRAINT = 'enrollment_counts_match';
        END IF;
        ${once ? `PERFORM set_config(${mark}, 'yes', true);` : ''}
        RETURN NULL;
      END $$`;
}
