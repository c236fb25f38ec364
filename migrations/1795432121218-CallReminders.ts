import { MigrationInterface, QueryRunner } from 'typeorm';

export class CallReminders1795432121218 implements MigrationInterface {
  name = 'CallReminders1795432121218';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "funding_call" ADD "reminder_days" integer array NOT NULL DEFAULT '{60,14,1}'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "funding_call" DROP COLUMN "reminder_days"`);
  }
}
