import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appeals (klage): a letter tells the applicant that the appeal was sent to the appeals board
 * (klagenemnda). The appeal itself lives in the case's lifecycle snapshot, and its preparation
 * reminder is an ordinary deadline row.
 */
export class AppealLetters1796326000000 implements MigrationInterface {
  name = 'AppealLetters1796326000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision_letter" DROP CONSTRAINT "decision_letter_kind"`);
    await queryRunner.query(
      `ALTER TABLE "decision_letter" ADD CONSTRAINT "decision_letter_kind" CHECK ("kind" IN ('grant', 'rejection', 'cancellation', 'settlement', 'appeal_outcome', 'appeal_forwarded'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision_letter" DROP CONSTRAINT "decision_letter_kind"`);
    await queryRunner.query(
      `ALTER TABLE "decision_letter" ADD CONSTRAINT "decision_letter_kind" CHECK ("kind" IN ('grant', 'rejection', 'cancellation', 'settlement', 'appeal_outcome'))`,
    );
  }
}
