import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification may keep a second body, the same text without its secrets (an invitation's single-use
 * link), which the sender puts in place of the body once the e-mail is sent. Rows already sent stay as
 * they are; an invitation link in them ends with its expiry.
 */
export class NotificationBodyAfterSend1796311338043 implements MigrationInterface {
  name = 'NotificationBodyAfterSend1796311338043';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "body_after_send" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "body_after_send"`);
  }
}
