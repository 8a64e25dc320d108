import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxDelivery1795876966950 implements MigrationInterface {
  name = 'OutboxDelivery1795876966950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_message_status_check"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_status_check" CHECK (status IN ('pending', 'sent', 'skipped', 'failed'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_message_status_check"`);
    await queryRunner.query(`UPDATE "outbox_message" SET status = 'sent' WHERE status = 'skipped'`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_status_check" CHECK (status IN ('pending', 'sent', 'failed'))`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "locked_until"`);
  }
}
