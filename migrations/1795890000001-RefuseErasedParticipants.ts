import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefuseErasedParticipants1795890000001 implements MigrationInterface {
  name = 'RefuseErasedParticipants1795890000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // An enrollment or application checked against a teen read just before their erasure must not land after
    // it: erasure kept age bands only for the programs the teen was in. The lock waits for an erasure in
    // progress and reads what it wrote; the error is the foreign key's, since the teen is gone for the API.
    await queryRunner.query(`CREATE FUNCTION participant_not_erased() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE erased timestamptz;
      BEGIN
        SELECT erased_at INTO erased FROM participant WHERE id = NEW.participant_id FOR KEY SHARE;
        IF erased IS NOT NULL THEN
          RAISE EXCEPTION 'participant % is erased', NEW.participant_id USING ERRCODE = 'foreign_key_violation',
            CONSTRAINT = TG_TABLE_NAME || '_participant_not_erased',
            DETAIL = format('Key (participant_id)=(%s) is not present in table "participant".', NEW.participant_id);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "enrollment_participant_not_erased" BEFORE INSERT ON "enrollment" FOR EACH ROW EXECUTE FUNCTION participant_not_erased()`);
    await queryRunner.query(`CREATE TRIGGER "application_participant_not_erased" BEFORE INSERT ON "application" FOR EACH ROW EXECUTE FUNCTION participant_not_erased()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "application_participant_not_erased" ON "application"`);
    await queryRunner.query(`DROP TRIGGER "enrollment_participant_not_erased" ON "enrollment"`);
    await queryRunner.query(`DROP FUNCTION participant_not_erased()`);
  }
}
