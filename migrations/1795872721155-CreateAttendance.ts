import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAttendance1795872721155 implements MigrationInterface {
  name = 'CreateAttendance1795872721155';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mentor_attendance" ("session_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "status" text NOT NULL, "recorded_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a95e362e4d1980e9f5c34ca8bed" PRIMARY KEY ("session_id", "mentor_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a95e362e4d1980e9f5c34ca8be" ON "mentor_attendance"  ("mentor_id", "session_id") `);
    await queryRunner.query(`CREATE TABLE "check_in_secret" ("session_id" uuid NOT NULL, "secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_031bf898de8713914714f4ab785" PRIMARY KEY ("session_id"))`);
    await queryRunner.query(`CREATE TABLE "check_in_attempt" ("session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "attempts" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5e7b2f8faf506167f6f422a342b" PRIMARY KEY ("session_id", "participant_id"))`);
    await queryRunner.query(`CREATE TABLE "attendance" ("session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "status" text NOT NULL, "note" text, "method" text NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_326cd8f8de4b272892991fff0e4" PRIMARY KEY ("session_id", "participant_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_326cd8f8de4b272892991fff0e" ON "attendance"  ("participant_id", "session_id") `);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_fk" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "attendance_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id")`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_fk" FOREIGN KEY ("recorded_by") REFERENCES "user_account"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "attendance_status_check" CHECK (status IN ('present', 'late', 'absent', 'excused'))`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "attendance_method_check" CHECK (method IN ('roll_call', 'self_check_in') AND (method <> 'self_check_in' OR checked_in_at IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "mentor_attendance" ADD CONSTRAINT "mentor_attendance_session_fk" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "mentor_attendance" ADD CONSTRAINT "mentor_attendance_mentor_fk" FOREIGN KEY ("mentor_id") REFERENCES "mentor"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "mentor_attendance" ADD CONSTRAINT "mentor_attendance_recorded_by_fk" FOREIGN KEY ("recorded_by") REFERENCES "user_account"("id") ON DELETE SET NULL`);
    await queryRunner.query(`ALTER TABLE "mentor_attendance" ADD CONSTRAINT "mentor_attendance_status_check" CHECK (status IN ('present', 'absent'))`);
    await queryRunner.query(`ALTER TABLE "check_in_secret" ADD CONSTRAINT "check_in_secret_session_fk" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "check_in_attempt" ADD CONSTRAINT "check_in_attempt_session_fk" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "check_in_attempt" ADD CONSTRAINT "check_in_attempt_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE`);
    // Rule 6, held by the database too: attendance only at a session that takes place, for a teen who got a
    // seat in its program, and for a mentor assigned to it.
    await queryRunner.query(`CREATE FUNCTION attendance_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM session WHERE id = NEW.session_id AND status = 'scheduled') THEN
          RAISE EXCEPTION 'session % is cancelled: it has no attendance', NEW.session_id USING ERRCODE = 'check_violation', CONSTRAINT = 'attendance_allowed';
        END IF;
        -- Separate branches: NEW has participant_id in one table and mentor_id in the other.
        IF TG_TABLE_NAME = 'attendance' THEN
          IF NOT EXISTS (SELECT 1 FROM session s JOIN enrollment e ON e.program_id = s.program_id
                          WHERE s.id = NEW.session_id AND e.participant_id = NEW.participant_id AND e.enrolled_at IS NOT NULL) THEN
            RAISE EXCEPTION 'participant % never held a seat in the program of session %', NEW.participant_id, NEW.session_id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'attendance_allowed';
          END IF;
        ELSIF NOT EXISTS (SELECT 1 FROM session_mentor WHERE session_id = NEW.session_id AND mentor_id = NEW.mentor_id) THEN
          RAISE EXCEPTION 'mentor % is not assigned to session %', NEW.mentor_id, NEW.session_id USING ERRCODE = 'check_violation', CONSTRAINT = 'attendance_allowed';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "attendance_allowed" BEFORE INSERT OR UPDATE ON "attendance" FOR EACH ROW EXECUTE FUNCTION attendance_allowed()`);
    await queryRunner.query(`CREATE TRIGGER "mentor_attendance_allowed" BEFORE INSERT OR UPDATE ON "mentor_attendance" FOR EACH ROW EXECUTE FUNCTION attendance_allowed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_326cd8f8de4b272892991fff0e"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP TABLE "check_in_attempt"`);
    await queryRunner.query(`DROP TABLE "check_in_secret"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a95e362e4d1980e9f5c34ca8be"`);
    await queryRunner.query(`DROP TABLE "mentor_attendance"`);
    await queryRunner.query(`DROP FUNCTION attendance_allowed()`);
  }
}
