import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters of the decisions after a grant: the heving, the settlement (sluttoppgjør) with its repayment
 * claim (tilbakebetalingskrav), and the answer to a request for a later report deadline. Only the list
 * of kinds widens: every letter already kept stays valid as it is.
 */
export class MoreLetterKinds1796329000000 implements MigrationInterface {
  name = 'MoreLetterKinds1796329000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision_letter" DROP CONSTRAINT "decision_letter_kind"`);
    await queryRunner.query(
      `ALTER TABLE "decision_letter" ADD CONSTRAINT "decision_letter_kind" CHECK ("kind" IN ('grant', 'rejection', 'cancellation', 'settlement', 'appeal_outcome', 'appeal_forwarded', 'repayment_claim', 'extension_granted', 'extension_refused'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision_letter" DROP CONSTRAINT "decision_letter_kind"`);
    await queryRunner.query(
      `ALTER TABLE "decision_letter" ADD CONSTRAINT "decision_letter_kind" CHECK ("kind" IN ('grant', 'rejection', 'cancellation', 'settlement', 'appeal_outcome', 'appeal_forwarded'))`,
    );
  }
}
