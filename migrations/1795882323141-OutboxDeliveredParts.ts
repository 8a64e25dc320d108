import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxDeliveredParts1795882323141 implements MigrationInterface {
  name = 'OutboxDeliveredParts1795882323141';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "delivered" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "delivered"`);
  }
}
