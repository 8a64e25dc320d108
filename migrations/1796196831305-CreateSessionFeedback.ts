import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A teen's rating of a session and an optional comment, once per teen and session. */
export class CreateSessionFeedback1796196831305 implements MigrationInterface {
  name = 'CreateSessionFeedback1796196831305';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "session_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "rating" smallint NOT NULL, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_feedback_once" UNIQUE ("session_id", "participant_id"), CONSTRAINT "PK_session_feedback" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_04a05ea62dea266b13ab26eace" ON "session_feedback" ("participant_id") `);
    await queryRunner.query(`ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_session_fk" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id")`);
    await queryRunner.query(`ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_rating_check" CHECK (rating BETWEEN 1 AND 5)`);
    await queryRunner.query(`ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_comment_check" CHECK (char_length(comment) BETWEEN 1 AND 1000)`);
    // Held by the database too: feedback only on a session that took place, from a teen who had a seat in its program before it ended.
    await queryRunner.query(`CREATE FUNCTION session_feedback_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM session WHERE id = NEW.session_id AND status = 'scheduled' AND ends_at <= now()) THEN
          RAISE EXCEPTION 'session % is cancelled or not over: it takes no feedback', NEW.session_id USING ERRCODE = 'check_violation', CONSTRAINT = 'session_feedback_allowed';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM session s JOIN enrollment e ON e.program_id = s.program_id
                        WHERE s.id = NEW.session_id AND e.participant_id = NEW.participant_id AND e.enrolled_at < s.ends_at) THEN
          RAISE EXCEPTION 'participant % held no seat at session %', NEW.participant_id, NEW.session_id USING ERRCODE = 'check_violation', CONSTRAINT = 'session_feedback_allowed';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "session_feedback_allowed" BEFORE INSERT ON "session_feedback" FOR EACH ROW EXECUTE FUNCTION session_feedback_allowed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "session_feedback"`);
    await queryRunner.query(`DROP FUNCTION session_feedback_allowed()`);
  }
}
