import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionReminders1795876967950 implements MigrationInterface {
  name = 'SessionReminders1795876967950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A session's pending reminder is found by its session when the session moves or is cancelled.
    await queryRunner.query(`CREATE INDEX "outbox_message_session_reminder" ON "outbox_message" ((payload->>'sessionId')) WHERE topic = 'session.reminder' AND status = 'pending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "outbox_message_session_reminder"`);
  }
}
