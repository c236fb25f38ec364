import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The amount of a grant recommendation waiting for the approver, as a column the transition writes
 * beside the other amounts, so that a frame's pipeline sums a column instead of reading the lifecycle
 * snapshot's JSON by a state name. Filled once for the cases waiting today.
 */
export class RecommendedAmount1796252034754 implements MigrationInterface {
  name = 'RecommendedAmount1796252034754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application" ADD "recommended_amount" bigint`);
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "application_recommended_amount_non_negative" CHECK ("recommended_amount" >= 0)`,
    );
    await queryRunner.query(
      `UPDATE "application"
          SET "recommended_amount" = ("snapshot" #>> '{state,context,recommendation,amount}')::bigint
        WHERE "status" IN ('applied', 'assessment')
          AND "snapshot" #>> '{state,context,recommendation,kind}' = 'grant'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "application" DROP CONSTRAINT "application_recommended_amount_non_negative"`,
    );
    await queryRunner.query(`ALTER TABLE "application" DROP COLUMN "recommended_amount"`);
  }
}
